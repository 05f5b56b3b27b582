package io.wrench.query.inventory;

import io.wrench.query.inventory.messages.InventoryViews;
import io.wrench.shared.ViewTables;
import io.wrench.shared.DeadLettered;
import org.springframework.context.annotation.Bean;
import io.wrench.query.Decimals;
import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import io.wrench.query.Sorting;
import io.wrench.query.inventory.messages.FindStockMovements;
import io.wrench.query.inventory.messages.StockMovementView;
import io.wrench.query.inventory.messages.StockMovementView.Type;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/**
 * Each item's ledger: one row per event that moved stock on hand or reserved stock. Backorders,
 * released backorders and rejected requests move neither, so they are not in it; a backorder shows up
 * when it is filled (a RESERVATION). A row's key is its event's identifier: a redelivered event adds
 * nothing.
 */
@Component
@ProcessingGroup(StockMovementProjection.NAME)
class StockMovementProjection {

    static final String NAME = InventoryViews.MOVEMENTS;


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables stockMovementProjectionViewTables() {

        return ViewTables.of(NAME, "stock_movement_view");

    }

    /** A failing event is parked with its sequence, the rest of the view goes on. */
    @Bean
    static DeadLettered stockMovementProjectionDeadLettered() {
        return new DeadLettered(NAME);
    }
    /** The metadata key the API's request metadata uses for the authenticated user. */
    static final String USER_ID = "userId";

    private final StockMovementRepository movements;

    StockMovementProjection(StockMovementRepository movements) {
        this.movements = movements;
    }

    @EventHandler
    void on(StockReceived event, DomainEventMessage<?> message) {
        add(message, event.itemId(), Type.RECEIPT, event.quantity(), null, null);
    }

    @EventHandler
    void on(StockAdjusted event, DomainEventMessage<?> message) {
        add(message, event.itemId(), Type.ADJUSTMENT, event.quantityDelta(), null, event.reason());
    }

    @EventHandler
    void on(StockReserved event, DomainEventMessage<?> message) {
        add(message, event.itemId(), Type.RESERVATION, event.quantity(), event.workOrderId(), null);
    }

    @EventHandler
    void on(BackorderFilled event, DomainEventMessage<?> message) {
        add(message, event.itemId(), Type.RESERVATION, event.quantity(), event.workOrderId(), null);
    }

    @EventHandler
    void on(ReservationReleased event, DomainEventMessage<?> message) {
        if (!event.backorder()) {
            add(message, event.itemId(), Type.RELEASE, event.quantity(), event.workOrderId(), null);
        }
    }

    @EventHandler
    void on(ReservedStockIssued event, DomainEventMessage<?> message) {
        add(message, event.itemId(), Type.ISSUE, event.quantity(), event.workOrderId(), null);
    }

    /**
     * Time, order and the user come from the message: its timestamp, its sequence number in the item's
     * stream, and the {@code userId} metadata the request put on the command (correlation providers carry
     * it on to every event the command causes, also through the parts process).
     */
    private void add(DomainEventMessage<?> message, StockItemId itemId, Type type, BigDecimal quantity,
                     WorkOrderId workOrderId, String reason) {
        if (movements.findById(message.getIdentifier()).isPresent()) {
            return;
        }
        StockMovementEntity movement = new StockMovementEntity(message.getIdentifier());
        movement.itemId = itemId.value();
        movement.sequence = message.getSequenceNumber();
        movement.at = message.getTimestamp();
        movement.type = type;
        movement.quantity = quantity;
        movement.workOrderId = workOrderId == null ? null : workOrderId.value();
        movement.reason = reason;
        movement.actor = message.getMetaData().get(USER_ID) instanceof String userId ? userId : null;
        movements.insert(movement);
    }

    @ResetHandler
    void reset() {
        movements.deleteAllInBulk();
    }

    /** Declared raw: Axon matches a query's response type against the raw class. */
    @QueryHandler
    @Transactional(readOnly = true)
    @SuppressWarnings("rawtypes")
    PageView handle(FindStockMovements query) {
        PageQuery page = query.page().sortField() == null
                ? new PageQuery(query.page().page(), query.page().size(), "at", true)
                : query.page();
        var movementsPage = movements.findByItemId(query.itemId().value(),
                        Sorting.pageable(page, FindStockMovements.SORTABLE, "at", "sequence"))
                .map(m -> new StockMovementView(m.at, m.type, Decimals.quantity(m.quantity),
                        m.workOrderId == null ? null : new WorkOrderId(m.workOrderId), m.reason, m.actor));
        return PageView.of(movementsPage);
    }
}
