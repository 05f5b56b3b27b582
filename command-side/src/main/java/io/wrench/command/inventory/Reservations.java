package io.wrench.command.inventory;

import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open reservations of one stock item and its backorder queue, keyed by work-order line.
 * A member of {@link StockItem}: it follows the reservation events itself, and its queries help the
 * aggregate's command handlers decide.
 */
final class Reservations {

    record Line(WorkOrderId workOrderId, LineId lineId) {
    }

    record Request(Line line, BigDecimal quantity) {
    }

    private final Map<Line, BigDecimal> reserved = new LinkedHashMap<>();
    /** Insertion order is request order: a line released and requested again goes to the back. */
    private final Map<Line, BigDecimal> backordered = new LinkedHashMap<>();

    boolean isOpen(Line line) {
        return isReserved(line) || isBackordered(line);
    }

    boolean isReserved(Line line) {
        return reserved.containsKey(line);
    }

    boolean isBackordered(Line line) {
        return backordered.containsKey(line);
    }

    BigDecimal reservedFor(Line line) {
        return reserved.get(line);
    }

    BigDecimal backorderedFor(Line line) {
        return backordered.get(line);
    }

    BigDecimal totalReserved() {
        return reserved.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * A request is served now only if it fits in what is available and nobody is waiting: while
     * backorders wait, a newcomer queues behind them even if it would fit, or a stream of small
     * requests could starve a large one at the head of the queue forever.
     */
    boolean canReserveNow(BigDecimal quantity, BigDecimal available) {
        return backordered.isEmpty() && quantity.compareTo(available) <= 0;
    }

    /**
     * The backorders to fill from {@code available}, taken strictly from the head of the queue and
     * stopping at the first that does not fit (no overtaking, no partial fills).
     */
    List<Request> backordersThatFit(BigDecimal available) {
        List<Request> fits = new ArrayList<>();
        BigDecimal left = available;
        for (Map.Entry<Line, BigDecimal> waiting : backordered.entrySet()) {
            if (waiting.getValue().compareTo(left) > 0) {
                break;
            }
            fits.add(new Request(waiting.getKey(), waiting.getValue()));
            left = left.subtract(waiting.getValue());
        }
        return fits;
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        reserved.put(new Line(event.workOrderId(), event.lineId()), event.quantity());
    }

    @EventSourcingHandler
    void on(StockBackordered event) {
        backordered.put(new Line(event.workOrderId(), event.lineId()), event.quantity());
    }

    @EventSourcingHandler
    void on(BackorderFilled event) {
        Line line = new Line(event.workOrderId(), event.lineId());
        backordered.remove(line);
        reserved.put(line, event.quantity());
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        close(new Line(event.workOrderId(), event.lineId()));
    }

    /** Issuing consumes the reservation: the stock left the shelf. */
    @EventSourcingHandler
    void on(ReservedStockIssued event) {
        close(new Line(event.workOrderId(), event.lineId()));
    }

    private void close(Line line) {
        reserved.remove(line);
        backordered.remove(line);
    }
}
