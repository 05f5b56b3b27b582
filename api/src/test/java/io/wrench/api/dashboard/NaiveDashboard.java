package io.wrench.api.dashboard;

import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockItemDetailsChanged;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockLevelRecovered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.InspectionRecorded;
import io.wrench.shared.workorder.InspectionResult;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.PaymentRecorded;
import io.wrench.shared.workorder.TechnicianAssigned;
import io.wrench.shared.workorder.WorkOrderApproved;
import io.wrench.shared.workorder.WorkOrderBecameOverdue;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import io.wrench.shared.workorder.WorkOrderOpened;
import io.wrench.shared.workorder.WorkOrderPaid;
import io.wrench.shared.workorder.WorkOrderStatus;
import io.wrench.shared.workorder.WorkPutOnHold;
import io.wrench.shared.workorder.WorkResumed;
import io.wrench.shared.workorder.WorkStarted;
import org.axonframework.eventhandling.EventMessage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.wrench.shared.workorder.WorkOrderStatus.*;

/**
 * The dashboard computed a second way, straight from the raw events in stored order, following
 * docs/dashboards.md word by word: no running totals, every figure recomputed from plain state.
 */
final class NaiveDashboard {

    static final Set<WorkOrderStatus> OUTSTANDING = EnumSet.of(OPEN, APPROVED, IN_PROGRESS, ON_HOLD);

    static final class WorkOrder {
        UUID id;
        String number;
        WorkOrderStatus status;
        Instant since;
        String technician;
        LocalDate due;
        boolean overdue;
        Instant opened;
        Instant completed;
        boolean inspected;
        final Map<UUID, BigDecimal> lines = new LinkedHashMap<>();
    }

    static final class Item {
        UUID id;
        String sku;
        String name;
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal reorderLevel;
        BigDecimal cost;
        boolean low;

        BigDecimal value() {
            return onHand.multiply(cost).setScale(2, RoundingMode.HALF_UP);
        }
    }

    record Inspection(LocalDate day, boolean passed, boolean first) {
    }

    record Stay(UUID workOrder, WorkOrderStatus status, String technician, long seconds) {
    }

    private final ZoneId zone;
    final Map<UUID, WorkOrder> workOrders = new LinkedHashMap<>();
    final Map<UUID, Item> items = new LinkedHashMap<>();
    final List<Stay> stays = new ArrayList<>();
    final List<Inspection> inspections = new ArrayList<>();
    final Map<LocalDate, BigDecimal> invoiced = new HashMap<>();
    final Map<LocalDate, BigDecimal> paid = new HashMap<>();
    /** Event id to its type, for every event seen. */
    final Map<String, String> types = new HashMap<>();

    NaiveDashboard(ZoneId zone) {
        this.zone = zone;
    }

    void apply(EventMessage<?> message) {
        Object e = message.getPayload();
        Instant at = message.getTimestamp();
        LocalDate day = at.atZone(zone).toLocalDate();
        types.put(message.getIdentifier(), message.getPayloadType().getSimpleName());
        if (e instanceof WorkOrderOpened o) {
            WorkOrder w = new WorkOrder();
            w.id = o.workOrderId().value();
            w.number = o.number();
            w.status = OPEN;
            w.since = at;
            w.due = o.dueDate();
            w.opened = at;
            workOrders.put(w.id, w);
        } else if (e instanceof TechnicianAssigned t) {
            wo(t.workOrderId().value()).technician = t.technician();
        } else if (e instanceof WorkOrderApproved a) {
            enter(a.workOrderId().value(), APPROVED, at);
        } else if (e instanceof WorkStarted s) {
            enter(s.workOrderId().value(), IN_PROGRESS, at);
        } else if (e instanceof WorkPutOnHold h) {
            enter(h.workOrderId().value(), ON_HOLD, at);
        } else if (e instanceof WorkResumed r) {
            enter(r.workOrderId().value(), IN_PROGRESS, at);
        } else if (e instanceof WorkOrderCancelled c) {
            enter(c.workOrderId().value(), CANCELLED, at);
        } else if (e instanceof WorkOrderPaid p) {
            enter(p.workOrderId().value(), PAID, at);
        } else if (e instanceof WorkOrderCompleted c) {
            wo(c.workOrderId().value()).completed = at;
            enter(c.workOrderId().value(), COMPLETED, at);
        } else if (e instanceof WorkOrderInvoiced i) {
            invoiced.merge(day, i.total(), BigDecimal::add);
            enter(i.workOrderId().value(), INVOICED, at);
        } else if (e instanceof PaymentRecorded p) {
            paid.merge(day, p.amount(), BigDecimal::add);
        } else if (e instanceof WorkOrderBecameOverdue o) {
            wo(o.workOrderId().value()).overdue = true;
        } else if (e instanceof LabourLineAdded l) {
            wo(l.workOrderId().value()).lines.put(l.lineId().value(), l.hours());
        } else if (e instanceof LineRemoved r) {
            wo(r.workOrderId().value()).lines.remove(r.lineId().value());
        } else if (e instanceof InspectionRecorded i) {
            WorkOrder w = wo(i.workOrderId().value());
            inspections.add(new Inspection(day, i.result() == InspectionResult.PASS, !w.inspected));
            w.inspected = true;
        } else if (e instanceof StockItemRegistered r) {
            Item item = new Item();
            item.id = r.itemId().value();
            item.sku = r.sku();
            item.name = r.name();
            item.reorderLevel = r.reorderLevel();
            item.cost = r.unitCost();
            items.put(item.id, item);
        } else if (e instanceof StockItemDetailsChanged c) {
            item(c.itemId().value()).name = c.name();
            item(c.itemId().value()).reorderLevel = c.reorderLevel();
        } else if (e instanceof StockReceived r) {
            Item item = item(r.itemId().value());
            item.onHand = item.onHand.add(r.quantity());
            item.cost = r.averageUnitCost();
        } else if (e instanceof StockAdjusted a) {
            item(a.itemId().value()).onHand = item(a.itemId().value()).onHand.add(a.quantityDelta());
        } else if (e instanceof StockReserved r) {
            item(r.itemId().value()).reserved = item(r.itemId().value()).reserved.add(r.quantity());
        } else if (e instanceof BackorderFilled f) {
            item(f.itemId().value()).reserved = item(f.itemId().value()).reserved.add(f.quantity());
        } else if (e instanceof ReservationReleased r) {
            if (!r.backorder()) {
                item(r.itemId().value()).reserved = item(r.itemId().value()).reserved.subtract(r.quantity());
            }
        } else if (e instanceof ReservedStockIssued i) {
            Item item = item(i.itemId().value());
            item.onHand = item.onHand.subtract(i.quantity());
            item.reserved = item.reserved.subtract(i.quantity());
        } else if (e instanceof LowStockDetected l) {
            item(l.itemId().value()).low = true;
        } else if (e instanceof StockLevelRecovered r) {
            item(r.itemId().value()).low = false;
        }
    }

    private WorkOrder wo(UUID id) {
        return workOrders.get(id);
    }

    private Item item(UUID id) {
        return items.get(id);
    }

    private void enter(UUID id, WorkOrderStatus status, Instant at) {
        WorkOrder w = wo(id);
        stays.add(new Stay(id, w.status, w.technician == null ? "" : w.technician,
                Duration.between(w.since, at).toSeconds()));
        w.status = status;
        w.since = at;
    }

    // --- the figures

    long byStatus(WorkOrderStatus status) {
        return workOrders.values().stream().filter(w -> w.status == status).count();
    }

    List<WorkOrder> overdue() {
        return workOrders.values().stream().filter(w -> w.overdue && OUTSTANDING.contains(w.status))
                .sorted((a, b) -> a.due.equals(b.due) ? a.id.toString().compareTo(b.id.toString()) : a.due.compareTo(b.due))
                .toList();
    }

    List<Long> cycleSeconds(LocalDate from, LocalDate to) {
        return workOrders.values().stream().filter(w -> w.completed != null)
                .filter(w -> within(w.completed.atZone(zone).toLocalDate(), from, to))
                .map(w -> Duration.between(w.opened, w.completed).toSeconds()).toList();
    }

    /** Per status, each work order's total time in it over its stays. */
    Map<WorkOrderStatus, List<Long>> timeInStatus() {
        Map<WorkOrderStatus, Map<UUID, Long>> perWorkOrder = new TreeMap<>();
        stays.forEach(s -> perWorkOrder.computeIfAbsent(s.status(), k -> new LinkedHashMap<>())
                .merge(s.workOrder(), s.seconds(), Long::sum));
        Map<WorkOrderStatus, List<Long>> result = new TreeMap<>();
        perWorkOrder.forEach((status, values) -> result.put(status, new ArrayList<>(values.values())));
        return result;
    }

    /** Per technician and status, each work order's time in it over the stays that ended under that technician. */
    Map<String, Map<WorkOrderStatus, List<Long>>> timeInStatusByTechnician() {
        Map<String, Map<WorkOrderStatus, Map<UUID, Long>>> sums = new TreeMap<>();
        stays.stream().filter(s -> !s.technician().isEmpty()).forEach(s -> sums.computeIfAbsent(s.technician(),
                t -> new TreeMap<>()).computeIfAbsent(s.status(), k -> new LinkedHashMap<>())
                .merge(s.workOrder(), s.seconds(), Long::sum));
        Map<String, Map<WorkOrderStatus, List<Long>>> result = new TreeMap<>();
        sums.forEach((t, statuses) -> {
            Map<WorkOrderStatus, List<Long>> lists = new TreeMap<>();
            statuses.forEach((status, values) -> lists.put(status, new ArrayList<>(values.values())));
            result.put(t, lists);
        });
        return result;
    }

    record Workload(long assigned, long inProgress, long onHold, BigDecimal labourHours) {
    }

    Map<String, Workload> workload() {
        Map<String, Workload> workload = new TreeMap<>();
        workOrders.values().stream().filter(w -> w.technician != null && OUTSTANDING.contains(w.status)).forEach(w -> {
            BigDecimal hours = w.lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            workload.merge(w.technician, new Workload(1, w.status == IN_PROGRESS ? 1 : 0, w.status == ON_HOLD ? 1 : 0, hours),
                    (a, b) -> new Workload(a.assigned + b.assigned, a.inProgress + b.inProgress, a.onHold + b.onHold,
                            a.labourHours.add(b.labourHours)));
        });
        return workload;
    }

    BigDecimal invoiced(LocalDate from, LocalDate to) {
        return sum(invoiced, from, to);
    }

    BigDecimal paid(LocalDate from, LocalDate to) {
        return sum(paid, from, to);
    }

    private static BigDecimal sum(Map<LocalDate, BigDecimal> byDay, LocalDate from, LocalDate to) {
        return byDay.entrySet().stream().filter(e -> within(e.getKey(), from, to)).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    List<Inspection> inspections(LocalDate from, LocalDate to) {
        return inspections.stream().filter(i -> within(i.day(), from, to)).toList();
    }

    List<Item> lowStock() {
        return items.values().stream().filter(i -> i.low).toList();
    }

    BigDecimal stockValue() {
        return items.values().stream().map(Item::value).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    // --- statistics, as docs/dashboards.md defines them

    /** {count, mean, median, p90} in hours with two decimals, or count 0 and nulls. */
    static List<BigDecimal> stats(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return java.util.Arrays.asList(BigDecimal.ZERO, null, null, null);
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal total = sorted.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = total.divide(BigDecimal.valueOf(n * 3600L), 2, RoundingMode.HALF_UP);
        BigDecimal medianSeconds = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        BigDecimal median = medianSeconds.divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
        int rank = (int) Math.ceil(n * 9 / 10.0);
        BigDecimal p90 = BigDecimal.valueOf(sorted.get(rank - 1)).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
        return List.of(BigDecimal.valueOf(n), mean, median, p90);
    }
}
