package io.wrench.query.inventory;

import io.wrench.query.inventory.messages.InventoryViews;
import io.wrench.shared.ViewTables;
import io.wrench.shared.DeadLettered;
import org.springframework.context.annotation.Bean;
import io.wrench.query.Decimals;
import io.wrench.query.PageView;
import io.wrench.query.SearchText;
import io.wrench.query.Sorting;
import io.wrench.query.inventory.messages.FindStockItem;
import io.wrench.query.inventory.messages.FindStockItems;
import io.wrench.query.inventory.messages.StockItemSummary;
import io.wrench.query.inventory.messages.StockItemView;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemDetailsChanged;
import io.wrench.shared.inventory.StockItemDiscontinued;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockLevelRecovered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import static java.math.BigDecimal.ZERO;

/**
 * The stock item list and detail. Every event of an item passes through here, if only to move the
 * version on, so the detail's version is the aggregate's. Each handler skips an event the row has
 * already seen (its sequence number is not above the row's version), so a redelivered event changes
 * nothing.
 */
@Component
@ProcessingGroup(StockItemProjection.NAME)
class StockItemProjection {

    static final String NAME = InventoryViews.ITEMS;


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables stockItemProjectionViewTables() {

        return ViewTables.of(NAME, "stock_item_view");

    }

    /** A failing event is parked with its sequence, the rest of the view goes on. */
    @Bean
    static DeadLettered stockItemProjectionDeadLettered() {
        return new DeadLettered(NAME);
    }

    private final StockItemRepository items;

    StockItemProjection(StockItemRepository items) {
        this.items = items;
    }

    @EventHandler
    void on(StockItemRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (items.findById(event.itemId().value()).isPresent()) {
            return;
        }
        StockItemEntity item = new StockItemEntity(event.itemId().value(), event.sku(), event.unit());
        item.details(event.name(), event.location(), event.reorderLevel(), event.reorderQuantity());
        item.unitCost = event.unitCost();
        item.registeredAt = at;
        item.version = sequence;
        items.insert(item);
    }

    @EventHandler
    void on(StockItemDetailsChanged event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence,
                i -> i.details(event.name(), event.location(), event.reorderLevel(), event.reorderQuantity()));
    }

    @EventHandler
    void on(StockItemDiscontinued event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> i.discontinued = true);
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> {
            i.stock(event.quantity(), ZERO, ZERO);
            i.unitCost = event.averageUnitCost();
        });
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> i.stock(event.quantityDelta(), ZERO, ZERO));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> i.stock(ZERO, event.quantity(), ZERO));
    }

    @EventHandler
    void on(StockBackordered event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> i.stock(ZERO, ZERO, event.quantity()));
    }

    @EventHandler
    void on(BackorderFilled event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> i.stock(ZERO, event.quantity(), event.quantity().negate()));
    }

    @EventHandler
    void on(ReservationReleased event, @SequenceNumber long sequence) {
        BigDecimal released = event.quantity().negate();
        update(event.itemId(), sequence, i -> {
            if (event.backorder()) {
                i.stock(ZERO, ZERO, released);
            } else {
                i.stock(ZERO, released, ZERO);
            }
        });
    }

    @EventHandler
    void on(ReservedStockIssued event, @SequenceNumber long sequence) {
        BigDecimal issued = event.quantity().negate();
        update(event.itemId(), sequence, i -> i.stock(issued, issued, ZERO));
    }

    @EventHandler
    void on(ReservationRejected event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> { });
    }

    @EventHandler
    void on(LowStockDetected event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> i.lowStock = true);
    }

    @EventHandler
    void on(StockLevelRecovered event, @SequenceNumber long sequence) {
        update(event.itemId(), sequence, i -> i.lowStock = false);
    }

    private void update(StockItemId id, long sequence, Consumer<StockItemEntity> change) {
        items.findById(id.value()).filter(i -> sequence > i.version).ifPresent(i -> {
            change.accept(i);
            i.version = sequence;
        });
    }

    @ResetHandler
    void reset() {
        items.deleteAllInBulk();
    }

    /** Declared raw: Axon matches a query's response type against the raw class. */
    @QueryHandler
    @Transactional(readOnly = true)
    @SuppressWarnings("rawtypes")
    PageView handle(FindStockItems query) {
        Specification<StockItemEntity> spec = SearchText.contains(query.search());
        if (query.lowStock() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("lowStock"), query.lowStock()));
        }
        var page = items.findAll(spec, Sorting.pageable(query.page(), FindStockItems.SORTABLE, "sku", "id"))
                .map(i -> new StockItemSummary(new StockItemId(i.id), i.sku, i.name, i.unit,
                        Decimals.quantity(i.onHand), Decimals.quantity(i.reserved), Decimals.quantity(i.available),
                        Decimals.quantity(i.backordered), Decimals.quantity(i.reorderLevel), i.lowStock,
                        Decimals.money(i.unitCost), i.location, i.discontinued));
        return PageView.of(page);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<StockItemView> handle(FindStockItem query) {
        return items.findById(query.itemId().value()).map(i -> new StockItemView(new StockItemId(i.id), i.sku,
                i.name, i.unit, Decimals.quantity(i.onHand), Decimals.quantity(i.reserved),
                Decimals.quantity(i.available), Decimals.quantity(i.backordered), Decimals.quantity(i.reorderLevel),
                Decimals.quantity(i.reorderQuantity), i.lowStock, Decimals.money(i.unitCost), i.location,
                i.discontinued, i.version));
    }
}
