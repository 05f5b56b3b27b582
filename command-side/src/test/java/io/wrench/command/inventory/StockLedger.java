package io.wrench.command.inventory;

import io.wrench.command.inventory.InventoryTestData.OrderLine;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemDetailsChanged;
import io.wrench.shared.inventory.StockItemDiscontinued;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockLevelRecovered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.math.BigDecimal.ZERO;

/**
 * The stock item as the events tell it, folded independently of the aggregate. Every event is checked
 * against the rules before it is folded (a fill must be the head of the queue, a reservation may not
 * jump the queue, a low-stock signal must match the numbers...), and the invariants after it.
 */
final class StockLedger {

    BigDecimal onHand = ZERO;
    BigDecimal averageUnitCost;
    BigDecimal reorderLevel;
    boolean low;
    boolean discontinued;
    final Map<OrderLine, BigDecimal> reserved = new LinkedHashMap<>();
    final Map<OrderLine, BigDecimal> backorderQueue = new LinkedHashMap<>();
    private boolean registered;

    BigDecimal totalReserved() {
        return reserved.values().stream().reduce(ZERO, BigDecimal::add);
    }

    BigDecimal available() {
        return onHand.subtract(totalReserved());
    }

    boolean isOpen(OrderLine line) {
        return reserved.containsKey(line) || backorderQueue.containsKey(line);
    }

    /** The average a receipt must carry, computed here from the rule, not by the aggregate. */
    BigDecimal averageAfterReceiving(BigDecimal quantity, BigDecimal unitCost) {
        if (onHand.signum() <= 0) {
            return unitCost;
        }
        return onHand.multiply(averageUnitCost).add(quantity.multiply(unitCost))
                .divide(onHand.add(quantity), 4, RoundingMode.HALF_UP);
    }

    void fold(Object event) {
        require(registered || event instanceof StockItemRegistered, "the first event registers the item");
        if (event instanceof StockItemRegistered e) {
            require(!registered, "registered once");
            registered = true;
            reorderLevel = e.reorderLevel();
            averageUnitCost = e.unitCost();
        } else if (event instanceof StockReceived e) {
            require(e.quantity().signum() > 0, "a receipt brings stock");
            require(same(e.averageUnitCost(), averageAfterReceiving(e.quantity(), e.unitCost())),
                    "moving average " + e.averageUnitCost() + " expected " + averageAfterReceiving(e.quantity(), e.unitCost()));
            onHand = onHand.add(e.quantity());
            averageUnitCost = e.averageUnitCost();
        } else if (event instanceof StockAdjusted e) {
            onHand = onHand.add(e.quantityDelta());
        } else if (event instanceof StockReserved e) {
            OrderLine line = new OrderLine(e.workOrderId(), e.lineId());
            require(!discontinued, "no reservation on a discontinued item");
            require(!isOpen(line), "a line is reserved once: " + line);
            require(backorderQueue.isEmpty(), "a reservation may not jump the backorder queue");
            require(e.quantity().compareTo(available()) <= 0, "a reservation fits in what is available");
            reserved.put(line, e.quantity());
        } else if (event instanceof StockBackordered e) {
            OrderLine line = new OrderLine(e.workOrderId(), e.lineId());
            require(!discontinued, "no backorder on a discontinued item");
            require(!isOpen(line), "a line is backordered once: " + line);
            require(!backorderQueue.isEmpty() || e.quantity().compareTo(available()) > 0,
                    "backordered although it fit and nobody was waiting");
            backorderQueue.put(line, e.quantity());
        } else if (event instanceof BackorderFilled e) {
            OrderLine line = new OrderLine(e.workOrderId(), e.lineId());
            require(!backorderQueue.isEmpty(), "a fill needs a waiting backorder");
            Map.Entry<OrderLine, BigDecimal> head = backorderQueue.entrySet().iterator().next();
            require(head.getKey().equals(line), "backorders are filled in request order: filled " + line + " before " + head.getKey());
            require(same(head.getValue(), e.quantity()), "a backorder is filled as a whole");
            require(e.quantity().compareTo(available()) <= 0, "a fill fits in what is available");
            backorderQueue.remove(line);
            reserved.put(line, e.quantity());
        } else if (event instanceof ReservationReleased e) {
            OrderLine line = new OrderLine(e.workOrderId(), e.lineId());
            Map<OrderLine, BigDecimal> from = e.backorder() ? backorderQueue : reserved;
            require(from.containsKey(line) && same(from.get(line), e.quantity()), "released what was open: " + e);
            from.remove(line);
        } else if (event instanceof ReservedStockIssued e) {
            OrderLine line = new OrderLine(e.workOrderId(), e.lineId());
            require(reserved.containsKey(line) && same(reserved.get(line), e.quantity()), "issued what was reserved: " + e);
            reserved.remove(line);
            onHand = onHand.subtract(e.quantity());
        } else if (event instanceof ReservationRejected e) {
            require(discontinued, "only a discontinued item rejects reservations");
            require(!isOpen(new OrderLine(e.workOrderId(), e.lineId())), "an open line is not rejected");
        } else if (event instanceof StockItemDiscontinued) {
            require(!discontinued, "discontinued once");
            discontinued = true;
        } else if (event instanceof StockItemDetailsChanged e) {
            reorderLevel = e.reorderLevel();
        } else if (event instanceof LowStockDetected e) {
            require(!low, "low stock is raised once until it recovers");
            require(same(e.available(), available()) && available().compareTo(reorderLevel) <= 0,
                    "low stock signalled at " + e.available() + " with " + available() + " available, level " + reorderLevel);
            low = true;
        } else if (event instanceof StockLevelRecovered e) {
            require(low, "only a low item recovers");
            require(same(e.available(), available()) && available().compareTo(reorderLevel) > 0,
                    "recovery signalled at " + e.available() + " with " + available() + " available, level " + reorderLevel);
            low = false;
        } else {
            throw new AssertionError("unexpected event " + event);
        }
        require(onHand.signum() >= 0, "on hand never below zero, was " + onHand);
        require(totalReserved().compareTo(onHand) <= 0, "reserved " + totalReserved() + " never above on hand " + onHand);
    }

    /** What must hold once a command has been handled completely. */
    void checkSettled() {
        if (!backorderQueue.isEmpty()) {
            BigDecimal head = backorderQueue.values().iterator().next();
            require(head.compareTo(available()) > 0,
                    "the head of the queue (" + head + ") fits in " + available() + " available but was not filled");
        }
        require(low == (available().compareTo(reorderLevel) <= 0),
                "low-stock signal " + low + " with " + available() + " available, level " + reorderLevel);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new AssertionError(message);
        }
    }
}
