package io.wrench.query.dashboard;

import io.wrench.query.dashboard.messages.DashboardViews;
import io.wrench.shared.ViewTables;
import io.wrench.shared.DeadLettered;
import io.wrench.query.dashboard.messages.DashboardChanged;
import io.wrench.query.dashboard.messages.Figure;
import io.wrench.query.dashboard.messages.FindDashboard;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockItemDetailsChanged;
import io.wrench.shared.inventory.StockItemId;
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
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import io.wrench.shared.workorder.WorkOrderApproved;
import io.wrench.shared.workorder.WorkOrderBecameOverdue;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import io.wrench.shared.workorder.WorkOrderOpened;
import io.wrench.shared.workorder.WorkOrderPaid;
import io.wrench.shared.workorder.WorkOrderStatus;
import io.wrench.shared.workorder.WorkPutOnHold;
import io.wrench.shared.workorder.WorkResumed;
import io.wrench.shared.workorder.WorkStarted;
import io.wrench.query.QueryProcessing;
import io.wrench.shared.InStoredOrder;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.annotation.Bean;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.wrench.shared.workorder.WorkOrderStatus.APPROVED;
import static io.wrench.shared.workorder.WorkOrderStatus.CANCELLED;
import static io.wrench.shared.workorder.WorkOrderStatus.COMPLETED;
import static io.wrench.shared.workorder.WorkOrderStatus.INVOICED;
import static io.wrench.shared.workorder.WorkOrderStatus.IN_PROGRESS;
import static io.wrench.shared.workorder.WorkOrderStatus.ON_HOLD;
import static io.wrench.shared.workorder.WorkOrderStatus.OPEN;
import static io.wrench.shared.workorder.WorkOrderStatus.PAID;
import static java.math.BigDecimal.ONE;

/**
 * Keeps the dashboard's running figures (docs/dashboards.md). Time is the events' own: the day of a
 * period figure is the day, in the shop's time zone, the event happened on. One segment, every event
 * in stored order: workload and stock value gather events of many aggregates.
 * <p>
 * Every event moves the stored position on, in the batch's transaction; an event whose id is already
 * recorded was processed before and changes nothing. Once a batch is committed, subscribers of
 * {@link FindDashboard} are told, once per batch.
 */
@Component
@ProcessingGroup(DashboardProjection.NAME)
class DashboardProjection {

    static final String NAME = DashboardViews.PROCESSOR;


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables dashboardProjectionViewTables() {

        return ViewTables.of(NAME, DashboardStore.ALL_TABLES.toArray(String[]::new));

    }

    /** A failing event is parked with its sequence, the rest of the view goes on. */
    @Bean
    static DeadLettered dashboardProjectionDeadLettered() {
        return new DeadLettered(NAME);
    }

    /**
     * Running totals over many aggregates (a technician's workload, the stock value): no two threads may
     * update them, and a later event may never overtake an earlier one — one segment, stored order.
     */
    @Bean
    static InStoredOrder dashboardProjectionInStoredOrder() {
        return new InStoredOrder(NAME, QueryProcessing.BATCH_SIZE,
                "the dashboard's running totals gather events of many aggregates");
    }

    private static final String POSITION = DashboardProjection.class.getName() + ".position";

    private final JdbcTemplate jdbc;
    private final DashboardStore store;
    private final ObjectProvider<QueryUpdateEmitter> emitter;
    private final ZoneId zone;

    DashboardProjection(JdbcTemplate jdbc, ObjectProvider<QueryUpdateEmitter> emitter,
                        @Value("${wrench.shop.time-zone:UTC}") ZoneId zone) {
        this.jdbc = jdbc;
        this.store = new DashboardStore(jdbc);
        this.emitter = emitter;
        this.zone = zone;
    }

    /** What a handler knows of the event it handles. */
    private record Event(String id, Instant at, LocalDate day) {
    }

    // --- work orders

    @EventHandler
    void on(WorkOrderOpened event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e == null) {
            return;
        }
        UUID id = event.workOrderId().value();
        jdbc.update("insert into dashboard_work_order (id, number, status, status_since_nanos, status_event_id, due_date,"
                        + " opened_nanos, inspected) values (?, ?, ?, ?, ?, ?, ?, false)", id, event.number(), OPEN.name(),
                nanos(e.at()), e.id(), event.dueDate() == null ? null : Date.valueOf(event.dueDate()), nanos(e.at()));
        // a new work order: nothing to take back, and its row is what was just written
        contribute(id, OPEN, e.id(), null, null, null);
    }

    // --- the directory's names for the workload (keyed by user id)

    @EventHandler
    void on(TechnicianRegistered event, DomainEventMessage<?> message, TrackingToken token) {
        if (begin(message, token) != null) {
            technicianName(event.userId(), event.displayName(), true);
        }
    }

    @EventHandler
    void on(TechnicianRenamed event, DomainEventMessage<?> message, TrackingToken token) {
        if (begin(message, token) != null) {
            technicianName(event.userId(), event.displayName(), true);
        }
    }

    /** The directory's name wins; an assignment's own name only fills in for a technician the directory never named. */
    private void technicianName(String userId, String name, boolean fromDirectory) {
        boolean known = fromDirectory
                ? jdbc.update("update dashboard_technician set display_name = ? where user_id = ?", name, userId) > 0
                : !jdbc.queryForList("select user_id from dashboard_technician where user_id = ?", String.class, userId).isEmpty();
        if (!known) {
            jdbc.update("insert into dashboard_technician (user_id, display_name) values (?, ?)", userId, name);
        }
    }

    @EventHandler
    void on(TechnicianAssigned event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            technicianName(event.technician(), event.technicianName(), false);
            jdbc.update("update dashboard_work_order set technician = ?, technician_event_id = ? where id = ?",
                    event.technician(), e.id(), event.workOrderId().value());
            refresh(event.workOrderId().value());
        }
    }

    @EventHandler
    void on(WorkOrderApproved event, DomainEventMessage<?> message, TrackingToken token) {
        enter(event.workOrderId(), APPROVED, begin(message, token));
    }

    @EventHandler
    void on(WorkStarted event, DomainEventMessage<?> message, TrackingToken token) {
        enter(event.workOrderId(), IN_PROGRESS, begin(message, token));
    }

    @EventHandler
    void on(WorkPutOnHold event, DomainEventMessage<?> message, TrackingToken token) {
        enter(event.workOrderId(), ON_HOLD, begin(message, token));
    }

    @EventHandler
    void on(WorkResumed event, DomainEventMessage<?> message, TrackingToken token) {
        enter(event.workOrderId(), IN_PROGRESS, begin(message, token));
    }

    @EventHandler
    void on(WorkOrderCancelled event, DomainEventMessage<?> message, TrackingToken token) {
        enter(event.workOrderId(), CANCELLED, begin(message, token));
    }

    @EventHandler
    void on(WorkOrderPaid event, DomainEventMessage<?> message, TrackingToken token) {
        enter(event.workOrderId(), PAID, begin(message, token));
    }

    @EventHandler
    void on(WorkOrderCompleted event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e == null) {
            return;
        }
        UUID id = event.workOrderId().value();
        jdbc.query("select opened_nanos, completed_day, cycle_seconds from dashboard_work_order where id = ?", rs -> {
            long cycle = seconds(rs.getLong(1), e.at());
            jdbc.update("update dashboard_work_order set completed_day = ?, cycle_seconds = ? where id = ?",
                    Date.valueOf(e.day()), cycle, id);
            Long before = rs.getObject(3, Long.class);
            if (before != null) {
                store.tallyChanged(HistoryFigures.CYCLE, COMPLETED, rs.getDate(2).toLocalDate(), before, null);
            }
            store.tallyChanged(HistoryFigures.CYCLE, COMPLETED, e.day(), null, cycle);
            store.add("cycleTime.count", id, e.id(), e.day(), ONE);
        }, id);
        enter(event.workOrderId(), COMPLETED, e);
    }

    @EventHandler
    void on(WorkOrderInvoiced event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            store.add("revenue.invoiced", event.workOrderId().value(), e.id(), e.day(), event.total());
            enter(event.workOrderId(), INVOICED, e);
        }
    }

    @EventHandler
    void on(PaymentRecorded event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            store.add("revenue.paid", event.workOrderId().value(), e.id(), e.day(), event.amount());
        }
    }

    @EventHandler
    void on(WorkOrderBecameOverdue event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            jdbc.update("update dashboard_work_order set overdue_event_id = ? where id = ?", e.id(),
                    event.workOrderId().value());
            refresh(event.workOrderId().value());
        }
    }

    @EventHandler
    void on(LabourLineAdded event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            jdbc.update("insert into dashboard_labour_line (line_id, work_order_id, event_id, hours) values (?, ?, ?, ?)",
                    event.lineId().value(), event.workOrderId().value(), e.id(), event.hours());
            refresh(event.workOrderId().value());
        }
    }

    @EventHandler
    void on(LineRemoved event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null && jdbc.update("delete from dashboard_labour_line where line_id = ?", event.lineId().value()) > 0) {
            refresh(event.workOrderId().value());
        }
    }

    @EventHandler
    void on(InspectionRecorded event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e == null) {
            return;
        }
        UUID id = event.workOrderId().value();
        boolean passed = event.result() == InspectionResult.PASS;
        store.add("inspections.count", id, e.id(), e.day(), ONE);
        if (passed) {
            store.add("inspections.passed", id, e.id(), e.day(), ONE);
        }
        if (jdbc.update("update dashboard_work_order set inspected = true where id = ? and inspected = false", id) == 1) {
            store.add("inspections.firstInspections", id, e.id(), e.day(), ONE);
            if (passed) {
                store.add("inspections.firstPassed", id, e.id(), e.day(), ONE);
            }
        }
    }

    /** The work order leaves its status for {@code status}: the stay that ends is added to its time in status. */
    private void enter(WorkOrderId workOrder, WorkOrderStatus status, Event e) {
        if (e == null) {
            return;
        }
        UUID id = workOrder.value();
        jdbc.query("select status, status_since_nanos, technician from dashboard_work_order where id = ?", rs -> {
            String left = rs.getString(1);
            long seconds = seconds(rs.getLong(2), e.at());
            String technician = rs.getString(3) == null ? "" : rs.getString(3);
            // what the work order had in that status so far, overall and with this technician
            Long total = null;
            Long withTechnician = null;
            for (Map<String, Object> row : jdbc.queryForList("select technician, seconds from dashboard_status_time"
                    + " where work_order_id = ? and status = ?", id, left)) {
                long stayed = ((Number) row.get("seconds")).longValue();
                total = total == null ? stayed : total + stayed;
                if (technician.equals(row.get("technician"))) {
                    withTechnician = stayed;
                }
            }
            if (withTechnician == null) {
                jdbc.update("insert into dashboard_status_time (work_order_id, status, technician, seconds)"
                        + " values (?, ?, ?, ?)", id, left, technician, seconds);
            } else {
                jdbc.update("update dashboard_status_time set seconds = ?"
                        + " where work_order_id = ? and status = ? and technician = ?", withTechnician + seconds, id, left, technician);
            }
            WorkOrderStatus from = WorkOrderStatus.valueOf(left);
            store.tallyChanged(HistoryFigures.OVERALL, from, null, total, (total == null ? 0 : total) + seconds);
            if (!technician.isEmpty()) {
                store.tallyChanged(technician, from, null, withTechnician,
                        (withTechnician == null ? 0 : withTechnician) + seconds);
            }
        }, id);
        jdbc.update("update dashboard_work_order set status = ?, status_since_nanos = ?, status_event_id = ? where id = ?",
                status.name(), nanos(e.at()), e.id(), id);
        refresh(id);
    }

    /** Takes back the work order's current-state contributions and adds those of its present state. */
    private void refresh(UUID id) {
        store.removeCurrent(id);
        jdbc.query("select status, status_event_id, technician, technician_event_id, overdue_event_id, due_date,"
                + " overdue_due_date from dashboard_work_order where id = ?", rs -> {
            WorkOrderStatus status = WorkOrderStatus.valueOf(rs.getString(1));
            String overdueEvent = rs.getString(5);
            keepOverdueIndexed(id, status.isOutstanding() && overdueEvent != null ? rs.getDate(6) : null, rs.getDate(7));
            contribute(id, status, rs.getString(2), rs.getString(3), rs.getString(4), overdueEvent);
        }, id);
    }

    /** Adds the current-state contributions of a work order in {@code status} (it has none yet). */
    private void contribute(UUID id, WorkOrderStatus status, String statusEvent, String technician,
                            String technicianEvent, String overdueEvent) {
        store.add("workOrders.byStatus." + status, id, statusEvent, null, ONE);
        if (!status.isOutstanding()) {
            return;
        }
        if (overdueEvent != null) {
            store.add("workOrders.overdue.count", id, overdueEvent, null, ONE);
        }
        if (technician == null) {
            return;
        }
        store.add(Figure.technician(technician, "assigned"), id, technicianEvent, null, ONE);
        if (status == IN_PROGRESS) {
            store.add(Figure.technician(technician, "inProgress"), id, statusEvent, null, ONE);
        } else if (status == ON_HOLD) {
            store.add(Figure.technician(technician, "onHold"), id, statusEvent, null, ONE);
        }
        String hours = Figure.technician(technician, "labourHours");
        jdbc.query("select event_id, hours from dashboard_labour_line where work_order_id = ?",
                line -> {
                    store.add(hours, id, line.getString(1), null, line.getBigDecimal(2));
                }, id);
    }

    /**
     * {@code overdue_due_date} is the due date while the work order is outstanding and overdue, null
     * otherwise: the dashboard's oldest overdue work orders are the first rows of its index, however many
     * work orders were ever overdue.
     */
    private void keepOverdueIndexed(UUID id, Date wanted, Date current) {
        if (!Objects.equals(wanted, current)) {
            jdbc.update("update dashboard_work_order set overdue_due_date = ? where id = ?", wanted, id);
        }
    }

    // --- inventory

    @EventHandler
    void on(StockItemRegistered event, DomainEventMessage<?> message, TrackingToken token) {
        if (begin(message, token) != null) {
            jdbc.update("insert into dashboard_stock_item (id, sku, name, on_hand, reserved, reorder_level, unit_cost,"
                    + " item_value, low_stock) values (?, ?, ?, 0, 0, ?, ?, 0, false)", event.itemId().value(),
                    event.sku(), event.name(), event.reorderLevel(), event.unitCost());
        }
    }

    @EventHandler
    void on(StockItemDetailsChanged event, DomainEventMessage<?> message, TrackingToken token) {
        if (begin(message, token) != null) {
            jdbc.update("update dashboard_stock_item set name = ?, reorder_level = ? where id = ?",
                    event.name(), event.reorderLevel(), event.itemId().value());
        }
    }

    @EventHandler
    void on(StockReceived event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            jdbc.update("update dashboard_stock_item set on_hand = on_hand + ?, unit_cost = ? where id = ?",
                    event.quantity(), event.averageUnitCost(), event.itemId().value());
            revalue(event.itemId(), e);
        }
    }

    @EventHandler
    void on(StockAdjusted event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            jdbc.update("update dashboard_stock_item set on_hand = on_hand + ? where id = ?",
                    event.quantityDelta(), event.itemId().value());
            revalue(event.itemId(), e);
        }
    }

    @EventHandler
    void on(StockReserved event, DomainEventMessage<?> message, TrackingToken token) {
        reserve(event.itemId(), event.quantity(), begin(message, token));
    }

    @EventHandler
    void on(BackorderFilled event, DomainEventMessage<?> message, TrackingToken token) {
        reserve(event.itemId(), event.quantity(), begin(message, token));
    }

    @EventHandler
    void on(ReservationReleased event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (!event.backorder()) {
            reserve(event.itemId(), event.quantity().negate(), e);
        }
    }

    @EventHandler
    void on(ReservedStockIssued event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            jdbc.update("update dashboard_stock_item set on_hand = on_hand - ?, reserved = reserved - ? where id = ?",
                    event.quantity(), event.quantity(), event.itemId().value());
            revalue(event.itemId(), e);
        }
    }

    @EventHandler
    void on(LowStockDetected event, DomainEventMessage<?> message, TrackingToken token) {
        Event e = begin(message, token);
        if (e != null) {
            UUID id = event.itemId().value();
            jdbc.update("update dashboard_stock_item set low_stock = true where id = ?", id);
            store.remove("lowStock.count", id);
            store.add("lowStock.count", id, e.id(), null, ONE);
        }
    }

    @EventHandler
    void on(StockLevelRecovered event, DomainEventMessage<?> message, TrackingToken token) {
        if (begin(message, token) != null) {
            UUID id = event.itemId().value();
            jdbc.update("update dashboard_stock_item set low_stock = false where id = ?", id);
            store.remove("lowStock.count", id);
        }
    }

    private void reserve(StockItemId item, BigDecimal quantity, Event e) {
        if (e != null) {
            jdbc.update("update dashboard_stock_item set reserved = reserved + ? where id = ?", quantity, item.value());
        }
    }

    /** The item's value is on hand x moving-average cost in cents; the event contributes the change. */
    private void revalue(StockItemId item, Event e) {
        UUID id = item.value();
        jdbc.query("select on_hand, unit_cost, item_value from dashboard_stock_item where id = ?", rs -> {
            BigDecimal value = rs.getBigDecimal(1).multiply(rs.getBigDecimal(2)).setScale(2, RoundingMode.HALF_UP);
            BigDecimal change = value.subtract(rs.getBigDecimal(3));
            if (change.signum() != 0) {
                jdbc.update("update dashboard_stock_item set item_value = ? where id = ?", value, id);
                store.add("stockValue", id, e.id(), null, change);
            }
        }, id);
    }

    /** Every other event moves the position on, so that {@code position} follows the event store. */
    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        advance(token);
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    /** Moves the position on and records the event; null when it was processed before. */
    private Event begin(DomainEventMessage<?> message, TrackingToken token) {
        if (store.seen(message.getIdentifier(), positionOf(token))) {
            return null;
        }
        long position = advance(token);
        store.recordEvent(message.getIdentifier(), message.getAggregateIdentifier(),
                message.getPayloadType().getSimpleName(), message.getTimestamp(), position);
        return new Event(message.getIdentifier(), message.getTimestamp(), message.getTimestamp().atZone(zone).toLocalDate());
    }

    /**
     * Moves the stored position on and has subscribers told once the batch is committed: after the
     * commit, not in prepare-commit, where Axon's emitter sends at once and a subscriber that reads the
     * view straight away would still see it as it was before the batch.
     */
    private long advance(TrackingToken token) {
        long position = positionOf(token);
        store.advance(position);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            if (batch.resources().put(POSITION, position) == null) {
                batch.afterCommit(u -> notifySubscribers((Long) u.getResource(POSITION)));
            }
        } else {
            notifySubscribers(position);
        }
        return position;
    }

    private void notifySubscribers(long position) {
        QueryUpdateEmitter updates = emitter.getIfAvailable();
        if (updates != null) {
            updates.emit(FindDashboard.class, query -> true, new DashboardChanged(position));
        }
    }

    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /** Whole seconds from then to {@code at}, rounded down, as {@code Duration.between(then, at).toSeconds()}. */
    private static long seconds(long thenNanos, Instant at) {
        return Math.floorDiv(nanos(at) - thenNanos, 1_000_000_000L);
    }

    private static long positionOf(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null || current.position().isEmpty()) {
            throw new IllegalStateException("the dashboard needs the event's position; got " + token);
        }
        return current.position().getAsLong();
    }
}
