package io.wrench.command.inventory;

import io.wrench.command.inventory.messages.AdjustStock;
import io.wrench.command.inventory.messages.DiscontinueStockItem;
import io.wrench.command.inventory.messages.IssueReservedStock;
import io.wrench.command.inventory.messages.ReceiveStock;
import io.wrench.command.inventory.messages.RegisterStockItem;
import io.wrench.command.inventory.messages.ReleaseReservation;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemDiscontinued;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockLevelRecovered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builders for the stock item specifications: one item, a few work-order lines, whole numbers. */
final class InventoryTestData {

    static final StockItemId ITEM = StockItemId.of("5b0c1a57-0000-4000-8000-000000000001");
    static final int REORDER_LEVEL = 5;
    static final BigDecimal COST = new BigDecimal("8.50");

    /** A work-order line asking for stock. */
    record OrderLine(WorkOrderId workOrderId, LineId lineId) {
        static OrderLine of(int workOrder, int line) {
            return new OrderLine(WorkOrderId.of("00000000-0000-4000-8000-%012d".formatted(workOrder)),
                    LineId.of("00000000-0000-4000-9000-%012d".formatted(workOrder * 1000 + line)));
        }
    }

    static final OrderLine FIRST = OrderLine.of(1, 1);
    static final OrderLine SECOND = OrderLine.of(2, 1);
    static final OrderLine THIRD = OrderLine.of(3, 1);

    private InventoryTestData() {
    }

    static BigDecimal qty(int quantity) {
        return BigDecimal.valueOf(quantity);
    }

    // --- commands

    static RegisterStockItem register() {
        return new RegisterStockItem(ITEM, "OIL-5W30", "Engine oil 5W-30", "L", qty(REORDER_LEVEL), qty(20), COST, "A-01");
    }

    static ReceiveStock receive(int quantity) {
        return receive(quantity, COST);
    }

    static ReceiveStock receive(int quantity, BigDecimal unitCost) {
        return new ReceiveStock(ITEM, qty(quantity), unitCost, "Lubricants Ltd", "PO-1", null);
    }

    static AdjustStock adjust(int delta) {
        return new AdjustStock(ITEM, qty(delta), "stock count", null);
    }

    static DiscontinueStockItem discontinue() {
        return new DiscontinueStockItem(ITEM, null);
    }

    static ReserveStock reserve(OrderLine line, int quantity) {
        return new ReserveStock(ITEM, line.workOrderId(), line.lineId(), qty(quantity));
    }

    static ReleaseReservation release(OrderLine line) {
        return new ReleaseReservation(ITEM, line.workOrderId(), line.lineId());
    }

    static IssueReservedStock issue(OrderLine line) {
        return new IssueReservedStock(ITEM, line.workOrderId(), line.lineId());
    }

    // --- events

    static StockItemRegistered registered() {
        return new StockItemRegistered(ITEM, "OIL-5W30", "Engine oil 5W-30", "L", qty(REORDER_LEVEL), qty(20), COST, "A-01");
    }

    /** Registered, hence low (nothing on hand), then {@code onHand} received at {@link #COST}. */
    static List<Object> itemWithOnHand(int onHand) {
        List<Object> history = new ArrayList<>(List.of(registered(), lowStock(0)));
        if (onHand > 0) {
            history.add(received(onHand, COST, COST));
            if (onHand > REORDER_LEVEL) {
                history.add(recovered(onHand));
            }
        }
        return history;
    }

    static StockItemDiscontinued discontinued() {
        return new StockItemDiscontinued(ITEM);
    }

    static StockReceived received(int quantity, BigDecimal unitCost, BigDecimal averageUnitCost) {
        return new StockReceived(ITEM, qty(quantity), unitCost, "Lubricants Ltd", "PO-1", averageUnitCost);
    }

    static StockReserved reserved(OrderLine line, int quantity) {
        return new StockReserved(ITEM, line.workOrderId(), line.lineId(), qty(quantity));
    }

    static StockBackordered backordered(OrderLine line, int quantity) {
        return new StockBackordered(ITEM, line.workOrderId(), line.lineId(), qty(quantity));
    }

    static BackorderFilled filled(OrderLine line, int quantity) {
        return new BackorderFilled(ITEM, line.workOrderId(), line.lineId(), qty(quantity));
    }

    static ReservationReleased released(OrderLine line, int quantity) {
        return new ReservationReleased(ITEM, line.workOrderId(), line.lineId(), qty(quantity), false);
    }

    static ReservationReleased backorderReleased(OrderLine line, int quantity) {
        return new ReservationReleased(ITEM, line.workOrderId(), line.lineId(), qty(quantity), true);
    }

    static ReservedStockIssued issued(OrderLine line, int quantity) {
        return new ReservedStockIssued(ITEM, line.workOrderId(), line.lineId(), qty(quantity));
    }

    static LowStockDetected lowStock(int available) {
        return new LowStockDetected(ITEM, qty(available), qty(REORDER_LEVEL));
    }

    static StockLevelRecovered recovered(int available) {
        return new StockLevelRecovered(ITEM, qty(available), qty(REORDER_LEVEL));
    }

    // --- refusals

    /** The fixture sees the aggregate's own exception: match its code and its message together. */
    static Matcher<Object> refusal(ErrorCode code, String message) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof InventoryRuleViolation violation
                        && violation.code() == code && message.equals(violation.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InventoryRuleViolation " + code + ": \"" + message + "\"");
            }
        };
    }
}
