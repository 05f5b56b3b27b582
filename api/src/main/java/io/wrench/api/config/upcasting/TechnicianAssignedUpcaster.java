package io.wrench.api.config.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wrench.shared.workorder.TechnicianAssigned;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Revision 1 of {@link TechnicianAssigned} held one free text, {@code technician}, typed by whoever
 * assigned (the embedded default's clients wrote the demo technician's subject, {@code technician-client};
 * others wrote a user name). Revision 2 names the technician by user id and adds the display name. The
 * mapping (docs/people.md): the old text is kept as the user id, unchanged, and is also the display
 * name, so every old assignment still shows and filters exactly as it did; a text that is the subject
 * of a registered technician is that technician.
 */
@Component
class TechnicianAssignedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TechnicianAssigned.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TechnicianAssigned.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            return event.set("technicianName", event.get("technician"));
        });
    }
}
