package io.wrench.query.dashboard;

import io.wrench.shared.workorder.WorkOrderStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The dashboard's running figures. A contribution row says how much one event adds to one figure; the
 * figure's total (per day for the figures of a period) is kept beside it in the same transaction, so a
 * read never sums history and explain always adds up to what the document shows.
 */
final class DashboardStore {

    static final List<String> TABLES = List.of("dashboard_contribution", "dashboard_counter", "dashboard_daily",
            "dashboard_event", "dashboard_work_order", "dashboard_labour_line", "dashboard_status_time", "dashboard_status_change",
            "dashboard_stock_item", "dashboard_technician");
    /** What a rebuild beside the live view copies: the figures and the position they stand at. */
    static final List<String> ALL_TABLES = Stream.concat(TABLES.stream(), Stream.of("dashboard_state")).toList();

    private static final long UNKNOWN = Long.MIN_VALUE;
    /** How many numbered changes the log keeps; a reader further behind reads the tables again. */
    static final int CHANGES_KEPT = 2 * HistoryFigures.MAX_CHANGES;

    private final JdbcTemplate jdbc;

    DashboardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a transaction (a batch of events) writes, gathered and written once before it commits, each
     * table in one JDBC batch: the events recorded, their contributions, the logged tally changes, and
     * the few rows every event touches (the position, the version, the counters and the daily totals).
     * A statement per event and figure was a round trip each: under load, on a busy machine, a batch took
     * ~3 ms an event and the view fell behind its writers. And PostgreSQL keeps a new version of a row for
     * every update: a transaction that updates the same row a thousand times walks an ever longer chain.
     * Nothing reads these rows while the projection handles the batch but the projection itself, which
     * looks here first ({@link #seen}, {@link #removeCurrent}); readers see them committed. Written early
     * when the transaction is flushed (WriteFailureIsolation does, event by event, to find one that
     * cannot be written).
     */
    private final class Pending implements TransactionSynchronization {
        long position = Long.MIN_VALUE;
        /** The stored position when this transaction first asked: no event above it was ever recorded. */
        long storedPosition = UNKNOWN;
        /** The stored version when this transaction first changed a value (the projection is its only writer). */
        long baseVersion = UNKNOWN;
        long versionChanges;
        final Map<String, BigDecimal> counters = new LinkedHashMap<>();
        final Map<Map.Entry<String, LocalDate>, BigDecimal> daily = new LinkedHashMap<>();
        final Map<String, Object[]> events = new LinkedHashMap<>();
        final List<Contribution> contributions = new ArrayList<>();
        final List<Object[]> changes = new ArrayList<>();

        @Override
        public void flush() {
            writePending(this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writePending(this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(DashboardStore.this);
        }

        void clear() {
            counters.clear();
            daily.clear();
            events.clear();
            contributions.clear();
            changes.clear();
            position = Long.MIN_VALUE;
            storedPosition = UNKNOWN;
            baseVersion = UNKNOWN;
            versionChanges = 0;
        }
    }

    /** One event's part in one figure, to be inserted (its position comes from the recorded event). */
    private record Contribution(String figure, String eventId, UUID holder, LocalDate day, BigDecimal amount) {

        Object[] row() {
            return new Object[]{figure, holder, day == null ? null : Date.valueOf(day), amount, eventId};
        }
    }

    /** This transaction's pending writes, or null outside a transaction (then every write goes at once). */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private static final String INSERT_EVENT = "insert into dashboard_event (event_id, aggregate_id, event_type,"
            + " occurred_at, position) values (?, ?, ?, ?, ?)";
    private static final String INSERT_CONTRIBUTION = "insert into dashboard_contribution (figure, event_id, holder,"
            + " on_day, position, amount) select ?, event_id, ?, ?, position, ? from dashboard_event where event_id = ?";
    private static final String INSERT_CHANGE = "insert into dashboard_status_change (version, scope, status, on_day,"
            + " old_seconds, new_seconds) values (?, ?, ?, ?, ?, ?)";

    private void writePending(Pending pending) {
        if (!pending.events.isEmpty()) {
            jdbc.batchUpdate(INSERT_EVENT, List.copyOf(pending.events.values()));
        }
        if (!pending.contributions.isEmpty()) {
            jdbc.batchUpdate(INSERT_CONTRIBUTION, pending.contributions.stream().map(Contribution::row).toList());
        }
        if (!pending.changes.isEmpty()) {
            jdbc.batchUpdate(INSERT_CHANGE, pending.changes);
        }
        pending.counters.forEach((figure, amount) -> writeTotal(figure, null, amount));
        pending.daily.forEach((key, amount) -> writeTotal(key.getKey(), key.getValue(), amount));
        if (pending.position != Long.MIN_VALUE) {
            jdbc.update("update dashboard_state set position = greatest(position, ?) where id = 1", pending.position);
        }
        if (pending.versionChanges > 0) {
            jdbc.update("update dashboard_state set status_time_version = status_time_version + ? where id = 1",
                    pending.versionChanges);
            pruneChanges(pending.baseVersion, pending.baseVersion + pending.versionChanges);
        }
        pending.clear();
    }

    /** Every thousand numbers, the log forgets what is older than {@link #CHANGES_KEPT} changes. */
    private void pruneChanges(long before, long after) {
        if (Math.floorDiv(before, 1000) != Math.floorDiv(after, 1000)) {
            jdbc.update("delete from dashboard_status_change where version <= ?", after - CHANGES_KEPT);
        }
    }

    /** The number of the last logged tally change ({@code dashboard_state.status_time_version}). */
    static long tallyVersion(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select status_time_version from dashboard_state where id = 1", Long.class);
    }

    /**
     * Moves the position on. It is the highest global index processed: an event committed late (a gap
     * in the index) may still arrive below it.
     */
    void advance(long position) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update("update dashboard_state set position = greatest(position, ?) where id = 1", position);
        } else {
            pending.position = Math.max(pending.position, position);
        }
    }

    /**
     * A value readers keep a tally of changed (a work order's time in a status, overall or with a
     * technician, or a completion's cycle time): it takes the next version number, and the change log
     * says which value left the tally and which came in ({@link HistoryFigures}). {@code day}: the day a
     * cycle time counts for; null for time in status.
     */
    void tallyChanged(String scope, WorkOrderStatus status, LocalDate day, Long oldSeconds, Long newSeconds) {
        Pending pending = pending();
        long version;
        if (pending == null) {
            jdbc.update("update dashboard_state set status_time_version = status_time_version + 1 where id = 1");
            version = tallyVersion(jdbc);
        } else {
            if (pending.baseVersion == UNKNOWN) {
                pending.baseVersion = tallyVersion(jdbc);
            }
            version = pending.baseVersion + ++pending.versionChanges;
        }
        Object[] change = {version, scope, status.name(), day == null ? null : Date.valueOf(day), oldSeconds, newSeconds};
        if (pending == null) {
            jdbc.update(INSERT_CHANGE, change);
        } else {
            pending.changes.add(change);
        }
    }

    /**
     * Whether the event was processed before (redelivered): its id is recorded by the first delivery. An
     * event above the stored position cannot have been (the position is the highest one processed, and
     * moves in the same transaction as the record): live events cost no query.
     */
    boolean seen(String eventId, long position) {
        Pending pending = pending();
        if (pending != null) {
            if (pending.events.containsKey(eventId)) {
                return true;
            }
            if (pending.storedPosition == UNKNOWN) {
                pending.storedPosition = jdbc.queryForObject("select position from dashboard_state where id = 1", Long.class);
            }
            if (position > pending.storedPosition) {
                return false;
            }
        }
        return !jdbc.queryForList("select 1 from dashboard_event where event_id = ?", Integer.class, eventId).isEmpty();
    }

    void recordEvent(String eventId, String aggregateId, String type, Instant at, long position) {
        Object[] event = {eventId, aggregateId, type, Timestamp.from(at), position};
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(INSERT_EVENT, event);
        } else {
            pending.events.put(eventId, event);
        }
    }

    /** Adds the event's contribution to a figure; {@code day} is null for a figure of the current state. */
    void add(String figure, UUID holder, String eventId, LocalDate day, BigDecimal amount) {
        Contribution contribution = new Contribution(figure, eventId, holder, day, amount);
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(INSERT_CONTRIBUTION, contribution.row());
        } else {
            pending.contributions.add(contribution);
        }
        total(figure, day, amount);
    }

    /** Takes back every current-state contribution the holder has (to add its present ones again). */
    void removeCurrent(UUID holder) {
        removeCurrent(holder, null);
    }

    void remove(String figure, UUID holder) {
        removeCurrent(holder, figure);
    }

    /**
     * Takes back the holder's current-state contributions (to {@code figure} only, unless null): those
     * this transaction has yet to write, and the stored ones.
     */
    private void removeCurrent(UUID holder, String figure) {
        Pending pending = pending();
        if (pending != null) {
            pending.contributions.removeIf(c -> {
                boolean match = c.holder().equals(holder) && c.day() == null && (figure == null || figure.equals(c.figure()));
                if (match) {
                    total(c.figure(), null, c.amount().negate());
                }
                return match;
            });
        }
        String where = figure == null ? "holder = ? and on_day is null" : "holder = ? and figure = ? and on_day is null";
        Object[] args = figure == null ? new Object[]{holder} : new Object[]{holder, figure};
        List<Map<String, Object>> sums = jdbc.queryForList(
                "select figure, sum(amount) as amount from dashboard_contribution where " + where + " group by figure", args);
        for (Map<String, Object> sum : sums) {
            total((String) sum.get("figure"), null, ((BigDecimal) sum.get("amount")).negate());
        }
        if (!sums.isEmpty()) {
            jdbc.update("delete from dashboard_contribution where " + where, args);
        }
    }

    private void total(String figure, LocalDate day, BigDecimal amount) {
        Pending pending = pending();
        if (pending == null) {
            writeTotal(figure, day, amount);
        } else if (day == null) {
            pending.counters.merge(figure, amount, BigDecimal::add);
        } else {
            pending.daily.merge(Map.entry(figure, day), amount, BigDecimal::add);
        }
    }

    private void writeTotal(String figure, LocalDate day, BigDecimal amount) {
        if (day == null) {
            if (jdbc.update("update dashboard_counter set amount = amount + ? where figure = ?", amount, figure) == 0) {
                jdbc.update("insert into dashboard_counter (figure, amount) values (?, ?)", figure, amount);
            }
        } else if (jdbc.update("update dashboard_daily set amount = amount + ? where figure = ? and on_day = ?",
                amount, figure, Date.valueOf(day)) == 0) {
            jdbc.update("insert into dashboard_daily (figure, on_day, amount) values (?, ?, ?)", figure, Date.valueOf(day), amount);
        }
    }

    void reset() {
        Pending pending = pending();
        if (pending != null) {
            pending.clear();
        }
        TABLES.forEach(table -> jdbc.update("delete from " + table));
        jdbc.update("update dashboard_state set position = -1, status_time_version = status_time_version + 1 where id = 1");
    }
}
