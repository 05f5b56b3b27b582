package io.wrench.api.config.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wrench.shared.Money;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.PartLineAdded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * Revision 1 of {@link LabourLineAdded} and {@link PartLineAdded} had no {@code amount}: readers
 * computed it. Revision 2 carries the amount the work order computed; these upcasters give old events
 * the same amount by the same rule ({@link Money#line}), so the read models only copy it. Axon's Spring
 * Boot support applies every {@code EventUpcaster} bean to events read from the store.
 */
@Configuration(proxyBeanMethods = false)
public class LineAmountUpcasters {

    @Bean
    SingleEventUpcaster labourLineAddedRevision1To2() {
        return new AddAmount(LabourLineAdded.class.getName(), "hours", "hourlyRate");
    }

    @Bean
    SingleEventUpcaster partLineAddedRevision1To2() {
        return new AddAmount(PartLineAdded.class.getName(), "quantity", "unitPrice");
    }

    /** Adds {@code amount = round(quantity x price)} to revision 1 of one line event, making it revision 2. */
    static final class AddAmount extends SingleEventUpcaster {

        private final SimpleSerializedType revision1;
        private final String quantity;
        private final String price;

        AddAmount(String type, String quantity, String price) {
            this.revision1 = new SimpleSerializedType(type, "1");
            this.quantity = quantity;
            this.price = price;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(revision1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(revision1.getName(), "2"), JsonNode.class,
                    payload -> {
                        ObjectNode event = (ObjectNode) payload;
                        BigDecimal amount = Money.line(event.get(quantity).decimalValue(), event.get(price).decimalValue());
                        return event.put("amount", amount);
                    });
        }
    }
}
