package io.wrench.command.inventory;

import org.axonframework.spring.stereotype.Aggregate;
import io.wrench.command.inventory.messages.AdjustStock;
import io.wrench.command.inventory.messages.ChangeStockItemDetails;
import io.wrench.command.inventory.messages.DiscontinueStockItem;
import io.wrench.command.inventory.messages.IssueReservedStock;
import io.wrench.command.inventory.messages.ReceiveStock;
import io.wrench.command.inventory.messages.RegisterStockItem;
import io.wrench.command.inventory.messages.ReleaseReservation;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.command.Input;
import io.wrench.shared.ErrorCode;
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
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import static io.wrench.command.inventory.InventoryRuleViolation.INPUT;
import static io.wrench.shared.ErrorCode.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One stock item. Handlers apply several events in a row and read the state between them: outside the
 * creating constructor, Axon runs each event sourcing handler as soon as the event is applied.
 */
@Aggregate(cache = "aggregateCache")
class StockItem {


    @AggregateIdentifier
    private StockItemId itemId;
    private String name;
    private String location;
    private BigDecimal reorderLevel;
    private BigDecimal reorderQuantity;
    private BigDecimal onHand;
    private BigDecimal averageUnitCost;
    private boolean discontinued;
    private boolean low;
    @AggregateMember
    private Reservations reservations;

    protected StockItem() {
    }

    @CommandHandler
    StockItem(RegisterStockItem command, StockItemRegistry registry) {
        INPUT.required("item id", command.itemId());
        String sku = INPUT.text("sku", command.sku()).trim();
        registry.skuOwner(sku).ifPresent(owner -> {
            throw new InventoryRuleViolation(SKU_IN_USE, "SKU " + sku + " is already in use");
        });
        apply(new StockItemRegistered(command.itemId(), sku, INPUT.text("name", command.name()),
                INPUT.text("unit", command.unit()), INPUT.notNegative("reorder level", command.reorderLevel()),
                INPUT.notNegative("reorder quantity", command.reorderQuantity()),
                INPUT.notNegative("unit cost", command.unitCost()), INPUT.optionalText("location", command.location())));
        // A new item has nothing on hand and a reorder level of at least zero, so it is genuinely low.
        // Decided from the command: a constructor's events reach the state only after it returns.
        apply(new LowStockDetected(command.itemId(), BigDecimal.ZERO, command.reorderLevel()));
    }

    @CommandHandler
    void handle(ReceiveStock command) {
        BigDecimal quantity = INPUT.positive("quantity", command.quantity());
        BigDecimal unitCost = INPUT.notNegative("unit cost", command.unitCost());
        apply(new StockReceived(itemId, quantity, unitCost, INPUT.optionalText("supplier", command.supplier()),
                INPUT.optionalText("reference", command.reference()), averageCostAfterReceiving(quantity, unitCost)));
        fillBackorders();
        signalStockLevel();
    }

    @CommandHandler
    void handle(AdjustStock command) {
        BigDecimal delta = INPUT.notZero("quantity delta", command.quantityDelta());
        String reason = INPUT.text("reason", command.reason());
        BigDecimal after = onHand.add(delta);
        if (after.signum() < 0) {
            throw new InventoryRuleViolation(INSUFFICIENT_STOCK, "adjustment of %s would leave %s on hand, below zero"
                    .formatted(delta.toPlainString(), after.toPlainString()));
        }
        if (after.compareTo(reserved()) < 0) {
            throw new InventoryRuleViolation(INSUFFICIENT_STOCK, "adjustment of %s would leave %s on hand below the %s reserved"
                    .formatted(delta.toPlainString(), after.toPlainString(), reserved().toPlainString()));
        }
        apply(new StockAdjusted(itemId, delta, reason));
        fillBackorders();
        signalStockLevel();
    }

    @CommandHandler
    void handle(ChangeStockItemDetails command) {
        String newName = command.name() == null ? name : INPUT.text("name", command.name());
        String newLocation = command.location() == null ? location : INPUT.text("location", command.location());
        BigDecimal newLevel = command.reorderLevel() == null ? reorderLevel : INPUT.notNegative("reorder level", command.reorderLevel());
        BigDecimal newQuantity = command.reorderQuantity() == null
                ? reorderQuantity : INPUT.notNegative("reorder quantity", command.reorderQuantity());
        if (newName.equals(name) && Objects.equals(newLocation, location)
                && newLevel.compareTo(reorderLevel) == 0 && newQuantity.compareTo(reorderQuantity) == 0) {
            return; // nothing changes, nothing to record
        }
        apply(new StockItemDetailsChanged(itemId, newName, newLocation, newLevel, newQuantity));
        signalStockLevel();
    }

    @CommandHandler
    void handle(DiscontinueStockItem command) {
        if (discontinued) {
            throw new InventoryRuleViolation(ILLEGAL_STATE, "item is already discontinued");
        }
        apply(new StockItemDiscontinued(itemId));
    }

    @CommandHandler
    void handle(ReserveStock command) {
        Reservations.Line line = line(command.workOrderId(), command.lineId());
        BigDecimal quantity = INPUT.positive("quantity", command.quantity());
        if (reservations.isOpen(line)) {
            return; // a repeat (the saga retried): the first answer stands
        }
        if (discontinued) {
            apply(new ReservationRejected(itemId, line.workOrderId(), line.lineId(), quantity, ITEM_DISCONTINUED));
        } else if (reservations.canReserveNow(quantity, available())) {
            apply(new StockReserved(itemId, line.workOrderId(), line.lineId(), quantity));
        } else {
            apply(new StockBackordered(itemId, line.workOrderId(), line.lineId(), quantity));
        }
        signalStockLevel();
    }

    @CommandHandler
    void handle(ReleaseReservation command) {
        Reservations.Line line = line(command.workOrderId(), command.lineId());
        if (reservations.isReserved(line)) {
            apply(new ReservationReleased(itemId, line.workOrderId(), line.lineId(), reservations.reservedFor(line), false));
        } else if (reservations.isBackordered(line)) {
            apply(new ReservationReleased(itemId, line.workOrderId(), line.lineId(), reservations.backorderedFor(line), true));
        } else {
            return; // never reserved, or released or issued already
        }
        fillBackorders();
        signalStockLevel();
    }

    @CommandHandler
    void handle(IssueReservedStock command) {
        Reservations.Line line = line(command.workOrderId(), command.lineId());
        if (reservations.isBackordered(line)) {
            throw new InventoryRuleViolation(RESERVATION_NOT_FOUND,
                    "line %s of work order %s is still backordered (%s waiting); only reserved stock can be issued"
                            .formatted(line.lineId(), line.workOrderId(), reservations.backorderedFor(line).toPlainString()));
        }
        if (!reservations.isReserved(line)) {
            return; // issued already, or never reserved
        }
        apply(new ReservedStockIssued(itemId, line.workOrderId(), line.lineId(), reservations.reservedFor(line)));
        signalStockLevel();
    }

    private void fillBackorders() {
        for (Reservations.Request fill : reservations.backordersThatFit(available())) {
            apply(new BackorderFilled(itemId, fill.line().workOrderId(), fill.line().lineId(), fill.quantity()));
        }
    }

    private void signalStockLevel() {
        LowStockPolicy.signal(itemId, available(), reorderLevel, low).ifPresent(signal -> apply(signal));
    }

    private BigDecimal averageCostAfterReceiving(BigDecimal quantity, BigDecimal unitCost) {
        if (onHand.signum() <= 0) {
            return unitCost;
        }
        BigDecimal value = onHand.multiply(averageUnitCost).add(quantity.multiply(unitCost));
        return value.divide(onHand.add(quantity), 4, RoundingMode.HALF_UP);
    }

    private BigDecimal reserved() {
        return reservations.totalReserved();
    }

    private BigDecimal available() {
        return onHand.subtract(reserved());
    }

    private static Reservations.Line line(WorkOrderId workOrderId, LineId lineId) {
        return new Reservations.Line(INPUT.required("work order id", workOrderId), INPUT.required("line id", lineId));
    }

    @EventSourcingHandler
    void on(StockItemRegistered event) {
        itemId = event.itemId();
        details(event.name(), event.location(), event.reorderLevel(), event.reorderQuantity());
        averageUnitCost = event.unitCost();
        onHand = BigDecimal.ZERO;
        reservations = new Reservations();
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        onHand = onHand.add(event.quantity());
        averageUnitCost = event.averageUnitCost();
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        onHand = onHand.add(event.quantityDelta());
    }

    @EventSourcingHandler
    void on(StockItemDetailsChanged event) {
        details(event.name(), event.location(), event.reorderLevel(), event.reorderQuantity());
    }

    private void details(String name, String location, BigDecimal reorderLevel, BigDecimal reorderQuantity) {
        this.name = name;
        this.location = location;
        this.reorderLevel = reorderLevel;
        this.reorderQuantity = reorderQuantity;
    }

    @EventSourcingHandler
    void on(StockItemDiscontinued event) {
        discontinued = true;
    }

    @EventSourcingHandler
    void on(ReservedStockIssued event) {
        onHand = onHand.subtract(event.quantity());
    }

    @EventSourcingHandler
    void on(LowStockDetected event) {
        low = true;
    }

    @EventSourcingHandler
    void on(StockLevelRecovered event) {
        low = false;
    }
}
