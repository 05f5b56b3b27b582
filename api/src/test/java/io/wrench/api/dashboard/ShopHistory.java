package io.wrench.api.dashboard;

import io.wrench.shared.Money;
import io.wrench.shared.Identifier;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockItemRegistered;
import io.wrench.shared.inventory.StockLevelRecovered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.InspectionRecorded;
import io.wrench.shared.workorder.InspectionResult;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.PaymentMethod;
import io.wrench.shared.workorder.PaymentRecorded;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.TechnicianAssigned;
import io.wrench.shared.workorder.WorkOrderApproved;
import io.wrench.shared.workorder.WorkOrderBecameOverdue;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import io.wrench.shared.workorder.WorkOrderOpened;
import io.wrench.shared.workorder.WorkOrderPaid;
import io.wrench.shared.workorder.WorkPutOnHold;
import io.wrench.shared.workorder.WorkResumed;
import io.wrench.shared.workorder.WorkStarted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A random but lawful shop history over ~60 simulated days, as the aggregates would have recorded it:
 * work orders through the whole lifecycle (holds, reassignments, failed inspections, cancellations,
 * payments in parts, overdue signals) and stock items (receipts at moving-average cost, adjustments,
 * reservations, releases, issues, low-stock signals). Same seed, same history.
 */
final class ShopHistory {

    static final List<String> TECHNICIANS = List.of("sim-alice", "sim-bob", "sim-chen", "sim-dana");

    /** The name an assignment records for a simulated technician (user id "sim-bob" is "Sim Bob"). */
    static String displayName(String technician) {
        return "Sim " + Character.toUpperCase(technician.charAt(4)) + technician.substring(5);
    }

    private record Timed(Instant at, Identifier aggregate, Record event) {
    }

    private final Random random;
    private final Instant start;
    private final Instant end;
    private final List<Timed> events = new ArrayList<>();

    private ShopHistory(long seed, Instant end) {
        this.random = new Random(seed);
        this.end = end;
        this.start = end.minus(Duration.ofDays(60));
    }

    /** The history ending at {@code end}, as messages in stored order with their aggregates' sequence numbers. */
    static List<DomainEventMessage<?>> generate(long seed, Instant end, int workOrders, int stockItems) {
        ShopHistory history = new ShopHistory(seed, end);
        for (int i = 0; i < stockItems; i++) {
            history.stockItem(i);
        }
        for (int i = 0; i < workOrders; i++) {
            history.workOrder(i);
        }
        return history.messages();
    }

    private List<DomainEventMessage<?>> messages() {
        events.sort(Comparator.comparing(Timed::at));
        Map<Identifier, Long> sequences = new HashMap<>();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Timed timed : events) {
            long sequence = sequences.merge(timed.aggregate(), 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(timed.aggregate() instanceof WorkOrderId ? "WorkOrder" : "StockItem",
                    timed.aggregate().toString(), sequence, timed.event(), Map.of(), UUID.randomUUID().toString(),
                    timed.at()));
        }
        return messages;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private BigDecimal money(int minCents, int maxCents) {
        return BigDecimal.valueOf(minCents + random.nextInt(maxCents - minCents + 1), 2);
    }

    // --- stock

    private void stockItem(int index) {
        StockItemId id = new StockItemId(uuid());
        BigDecimal level = BigDecimal.valueOf(2 + random.nextInt(6));
        BigDecimal cost = money(100, 5000);
        Instant at = start.plusSeconds(60L * index);
        events.add(new Timed(at, id, new StockItemRegistered(id, "SIM-" + id.value().toString().substring(0, 13).toUpperCase(),
                "Simulated part " + index, "pcs", level, BigDecimal.TEN, cost, "S-" + index)));
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal average = cost;
        boolean low = false;
        List<LineId> reservations = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            at = at.plusSeconds(600 + random.nextInt(30 * 3600));
            if (at.isAfter(end)) {
                return;
            }
            BigDecimal available = onHand.subtract(reserved);
            // every third item ends with a count that finds its free stock gone: some items end low
            int action = step == 39 && index % 3 == 0 ? -1 : random.nextInt(10);
            if (action < 0) {
                if (available.signum() == 0) {
                    continue;
                }
                onHand = onHand.subtract(available);
                events.add(new Timed(at, id, new StockAdjusted(id, available.negate(), "shrinkage")));
            } else if (action < 3 || onHand.signum() == 0) {
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(15));
                BigDecimal unitCost = money(100, 5000);
                average = onHand.add(quantity).signum() == 0 ? unitCost
                        : onHand.multiply(average).add(quantity.multiply(unitCost))
                        .divide(onHand.add(quantity), 4, RoundingMode.HALF_UP);
                onHand = onHand.add(quantity);
                events.add(new Timed(at, id, new StockReceived(id, quantity, unitCost, "Supplier", "PO-" + step, average)));
            } else if (action < 4) {
                BigDecimal delta = BigDecimal.valueOf(random.nextInt(5) - 2);
                if (delta.signum() == 0 || onHand.add(delta).compareTo(reserved) < 0) {
                    continue;
                }
                onHand = onHand.add(delta);
                events.add(new Timed(at, id, new StockAdjusted(id, delta, "count")));
            } else if (action < 7 && available.signum() > 0) {
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(available.min(BigDecimal.valueOf(4)).intValue()));
                LineId line = new LineId(uuid());
                reservations.add(line);
                reserved = reserved.add(quantity);
                events.add(new Timed(at, id, new StockReserved(id, new WorkOrderId(uuid()), line, quantity)));
            } else if (reserved.signum() > 0) {
                BigDecimal quantity = BigDecimal.ONE;
                LineId line = reservations.isEmpty() ? new LineId(uuid()) : reservations.get(random.nextInt(reservations.size()));
                reserved = reserved.subtract(quantity);
                if (action < 8) {
                    events.add(new Timed(at, id, new ReservationReleased(id, new WorkOrderId(uuid()), line, quantity, false)));
                } else {
                    onHand = onHand.subtract(quantity);
                    events.add(new Timed(at, id, new ReservedStockIssued(id, new WorkOrderId(uuid()), line, quantity)));
                }
            } else {
                continue;
            }
            available = onHand.subtract(reserved);
            if (!low && available.compareTo(level) <= 0) {
                low = true;
                events.add(new Timed(at.plusMillis(1), id, new LowStockDetected(id, available, level)));
            } else if (low && available.compareTo(level) > 0) {
                low = false;
                events.add(new Timed(at.plusMillis(1), id, new StockLevelRecovered(id, available, level)));
            }
        }
    }

    // --- work orders

    /** One work order's life, cut off at the end of the history. */
    private final class Life {
        final WorkOrderId id = new WorkOrderId(uuid());
        final List<Timed> own = new ArrayList<>();
        Instant at;
        boolean cutOff;

        Life(Instant at) {
            this.at = at;
        }

        /** Time passes; false once the history has ended. */
        boolean later(int minSeconds, int maxSeconds) {
            at = at.plusSeconds(minSeconds + random.nextInt(maxSeconds - minSeconds + 1));
            cutOff = cutOff || at.isAfter(end);
            return !cutOff;
        }

        boolean record(Record event) {
            if (cutOff) {
                return false;
            }
            own.add(new Timed(at, id, event));
            return true;
        }
    }

    private void workOrder(int index) {
        Life life = new Life(start.plusSeconds(random.nextInt(58 * 24 * 3600)));
        WorkOrderId id = life.id;
        LocalDate opened = LocalDate.ofInstant(life.at, ZoneOffset.UTC);
        LocalDate due = random.nextInt(10) < 6 ? opened.plusDays(1 + random.nextInt(10)) : null;
        life.record(new WorkOrderOpened(id, "WO-SIM-" + id.value().toString().substring(0, 8) + "-" + index,
                new CustomerId(uuid()), null, "Simulated job " + index,
                Priority.values()[random.nextInt(Priority.values().length)], due));
        String technician = null;
        if (random.nextInt(10) < 7 && life.later(60, 3 * 3600)) {
            technician = TECHNICIANS.get(random.nextInt(TECHNICIANS.size()));
            life.record(new TechnicianAssigned(id, technician, displayName(technician)));
        }
        List<LineId> lines = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0 && life.later(60, 4 * 3600); n--) {
            LineId line = new LineId(uuid());
            lines.add(line);
            BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(32), 2).multiply(BigDecimal.valueOf(25));
            BigDecimal rate = money(4000, 12000);
            life.record(new LabourLineAdded(id, line, "Labour", hours, rate, Money.line(hours, rate)));
        }
        if (!lines.isEmpty() && random.nextInt(10) == 0 && life.later(60, 3600)) {
            life.record(new LineRemoved(id, lines.remove(random.nextInt(lines.size()))));
        }
        done:
        {
            if (cancelled(life, 8)) {
                break done;
            }
            if (!life.later(600, 2 * 86400) || !life.record(new WorkOrderApproved(id, "sim-manager", money(5000, 200000)))) {
                break done;
            }
            if (technician == null && life.later(60, 86400)) {
                technician = TECHNICIANS.get(random.nextInt(TECHNICIANS.size()));
                life.record(new TechnicianAssigned(id, technician, displayName(technician)));
            }
            if (technician == null || cancelled(life, 5)) {
                break done;
            }
            if (!life.later(600, 2 * 86400) || !life.record(new WorkStarted(id, technician))) {
                break done;
            }
            for (int holds = random.nextInt(3); holds > 0; holds--) {
                if (!life.later(600, 86400) || !life.record(new WorkPutOnHold(id, "waiting for parts"))) {
                    break done;
                }
                if (cancelled(life, 10)) {
                    break done;
                }
                if (random.nextInt(10) == 0 && life.later(60, 3600)) {
                    technician = TECHNICIANS.get(random.nextInt(TECHNICIANS.size()));
                    life.record(new TechnicianAssigned(id, technician, displayName(technician)));
                }
                if (!life.later(600, 2 * 86400) || !life.record(new WorkResumed(id))) {
                    break done;
                }
            }
            for (int fails = random.nextInt(10) < 4 ? 1 + random.nextInt(2) : 0; fails >= 0; fails--) {
                InspectionResult result = fails == 0 ? InspectionResult.PASS : InspectionResult.FAIL;
                if (!life.later(600, 86400)
                        || !life.record(new InspectionRecorded(id, uuid(), result, null, "sim-inspector"))) {
                    break done;
                }
            }
            if (!life.later(60, 7200) || !life.record(new WorkOrderCompleted(id))) {
                break done;
            }
            if (random.nextInt(100) < 15 || !life.later(600, 86400)) {
                break done;
            }
            BigDecimal labour = money(2000, 150000);
            BigDecimal parts = money(0, 50000);
            BigDecimal tax = labour.add(parts).multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal total = labour.add(parts).add(tax);
            if (!life.record(new WorkOrderInvoiced(id, labour, parts, new BigDecimal("0.20"), tax, total))) {
                break done;
            }
            BigDecimal balance = total;
            int payments = random.nextInt(4);
            for (int p = 1; p <= payments && balance.signum() > 0; p++) {
                BigDecimal amount = p == 3 || random.nextBoolean() ? balance
                        : balance.divide(BigDecimal.valueOf(2 + random.nextInt(3)), 2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
                balance = balance.subtract(amount);
                if (!life.later(600, 5 * 86400) || !life.record(new PaymentRecorded(id, uuid(), amount,
                        PaymentMethod.values()[random.nextInt(3)], balance))) {
                    break done;
                }
                if (balance.signum() == 0) {
                    life.record(new WorkOrderPaid(id));
                }
            }
        }
        overdue(life, due);
        events.addAll(life.own);
    }

    private boolean cancelled(Life life, int percent) {
        return random.nextInt(100) < percent && life.later(60, 86400)
                && life.record(new WorkOrderCancelled(life.id, "customer withdrew"));
    }

    /** Overdue as the deadline raises it: at the start of the day after the due date, if not yet completed. */
    private void overdue(Life life, LocalDate due) {
        if (due == null) {
            return;
        }
        Instant deadline = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (deadline.isAfter(end)) {
            return;
        }
        boolean finished = life.own.stream().anyMatch(t -> !t.at().isAfter(deadline)
                && (t.event() instanceof WorkOrderCompleted || t.event() instanceof WorkOrderCancelled));
        if (!finished) {
            life.own.add(new Timed(deadline, life.id, new WorkOrderBecameOverdue(life.id, due)));
            life.own.sort(Comparator.comparing(Timed::at));
        }
    }
}
