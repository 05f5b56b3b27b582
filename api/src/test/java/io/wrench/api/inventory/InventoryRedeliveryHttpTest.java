package io.wrench.api.inventory;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Processors deliver at least once: an item's whole history, delivered again, changes no answer. */
class InventoryRedeliveryHttpTest extends HttpTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_projections_ignore_events_they_have_already_seen() {
        String id = newStockItem(unique("AGAIN"), "Delivered twice").id();
        String item = "/api/inventory/items/" + id;
        api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", 6, "unitCost", 2));
        commands.sendAndWait(new ReserveStock(StockItemId.of(id), WorkOrderId.random(), LineId.random(), BigDecimal.ONE));
        Api.Response last = api.as(Role.STOREKEEPER).post(item + "/adjustments",
                Map.of("quantityDelta", 2, "reason", "found"));
        String detail = readAfter(last, Role.ANALYST, item).body();
        String movements = api.as(Role.ANALYST).get(item + "/movements").body();

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(id).asStream().toList();
        for (String projection : List.of("stockItemProjection", "stockMovementProjection")) {
            var handlers = new AnnotationEventHandlerAdapter(context.getBean(projection));
            transactions.executeWithoutResult(status -> history.forEach(event -> {
                try {
                    handlers.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        assertThat(api.as(Role.ANALYST).get(item).body()).isEqualTo(detail);
        assertThat(api.as(Role.ANALYST).get(item + "/movements").body()).isEqualTo(movements);
    }
}
