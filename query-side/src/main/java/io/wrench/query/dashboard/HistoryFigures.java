package io.wrench.query.dashboard;

import io.wrench.query.dashboard.messages.DashboardView;
import io.wrench.shared.workorder.WorkOrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The dashboard figures that need every value, not a running total: time in status (over the whole
 * history; the median and p90 of each status and each technician's stays) and the cycle times of a
 * period. Each instance keeps them as sorted tallies in memory and moves them on from the change log
 * the projection writes beside {@code dashboard_status_time} ({@code dashboard_status_change}: one row
 * per value that changed, numbered by {@code dashboard_state.status_time_version}), so a read after a
 * stay ended applies a few rows instead of reading the history again.
 * <p>
 * The tallies are read from the full tables once, and again only when the log cannot bring them to the
 * version the read's transaction sees: more than {@link #MAX_CHANGES} behind, a number missing (a reset,
 * or a rebuilt copy switched in, whose versions start elsewhere: V22), or a read whose transaction sees an
 * older version than the tallies already hold (that one is answered from the tables, and nothing kept).
 */
final class HistoryFigures {

    /** The scope of the overall time in status (a technician's scope is the technician's user id). */
    static final String OVERALL = "";
    /** The scope of cycle times: one row per completion, with the day it counts for. */
    static final String CYCLE = "#cycle";
    /** Beyond this many changes behind, reading the tables again is as cheap as applying them. */
    static final int MAX_CHANGES = 20_000;

    record Figures(DashboardView.TimeInStatus timeInStatus, DashboardView.Durations cycleTime) {
    }

    private record Change(String scope, WorkOrderStatus status, LocalDate day, Long oldSeconds, Long newSeconds) {
    }

    private static final Logger log = LoggerFactory.getLogger(HistoryFigures.class);

    private final JdbcTemplate jdbc;
    private State state;

    HistoryFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures at {@code version}, which the caller read in the same transaction as everything else. */
    synchronized Figures at(long version, LocalDate from, LocalDate to) {
        if (state != null && version < state.version) {
            return load(version).figures(from, to);
        }
        if (state != null && version > state.version && !catchUp(state, version)) {
            log.debug("Time in status: the change log does not lead from version {} to {}; reading the tables",
                    state.version, version);
            state = null;
        }
        boolean reads = state == null || !state.holdsPeriod(from, to);
        State current = state == null ? load(version) : state;
        Figures figures = current.figures(from, to);
        // What was read from the tables is kept only if they stood at this version all along (on a
        // database whose repeatable read is weaker than a snapshot, a commit may have come in between).
        if (reads && DashboardStore.tallyVersion(jdbc) != version) {
            state = null;
        } else {
            state = current;
        }
        return figures;
    }

    private boolean catchUp(State current, long version) {
        if (version - current.version > MAX_CHANGES) {
            return false;
        }
        List<Change> changes = jdbc.query("select scope, status, on_day, old_seconds, new_seconds from dashboard_status_change"
                        + " where version > ? and version <= ? order by version",
                (rs, i) -> new Change(rs.getString(1), WorkOrderStatus.valueOf(rs.getString(2)),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class)),
                current.version, version);
        if (changes.size() != version - current.version) {
            return false;
        }
        changes.forEach(current::apply);
        log.debug("Time in status: {} changes applied, from version {} to {}", changes.size(), current.version, version);
        current.version = version;
        return true;
    }

    private State load(long version) {
        log.debug("Time in status: reading the tables at version {}", version);
        State loaded = new State(version);
        Map<WorkOrderStatus, Map<UUID, Long>> overall = new EnumMap<>(WorkOrderStatus.class);
        jdbc.query("select work_order_id, status, technician, seconds from dashboard_status_time", rs -> {
            WorkOrderStatus status = WorkOrderStatus.valueOf(rs.getString(2));
            String technician = rs.getString(3);
            long seconds = rs.getLong(4);
            overall.computeIfAbsent(status, s -> new HashMap<>()).merge(rs.getObject(1, UUID.class), seconds, Long::sum);
            if (!technician.isEmpty()) {
                loaded.tally(technician, status).add(seconds);
            }
        });
        overall.forEach((status, perWorkOrder) -> perWorkOrder.values().forEach(loaded.tally(OVERALL, status)::add));
        return loaded;
    }

    /** The tallies at one version, and the cycle times of the last period asked for. */
    private final class State {
        long version;
        final Map<String, Map<WorkOrderStatus, Tally>> times = new HashMap<>();
        LocalDate cycleFrom;
        LocalDate cycleTo;
        Tally cycles;
        DashboardView.TimeInStatus timeInStatus;
        DashboardView.Durations cycleTime;

        State(long version) {
            this.version = version;
        }

        Tally tally(String scope, WorkOrderStatus status) {
            return times.computeIfAbsent(scope, s -> new EnumMap<>(WorkOrderStatus.class))
                    .computeIfAbsent(status, s -> new Tally());
        }

        void apply(Change change) {
            if (CYCLE.equals(change.scope())) {
                if (cycles != null && !change.day().isBefore(cycleFrom) && !change.day().isAfter(cycleTo)) {
                    move(cycles, change);
                    cycleTime = null;
                }
                return;
            }
            move(tally(change.scope(), change.status()), change);
            timeInStatus = null;
        }

        private static void move(Tally tally, Change change) {
            if (change.oldSeconds() != null) {
                tally.remove(change.oldSeconds());
            }
            if (change.newSeconds() != null) {
                tally.add(change.newSeconds());
            }
        }

        boolean holdsPeriod(LocalDate from, LocalDate to) {
            return cycles != null && from.equals(cycleFrom) && to.equals(cycleTo);
        }

        Figures figures(LocalDate from, LocalDate to) {
            if (!holdsPeriod(from, to)) {
                cycles = Tally.of(jdbc.queryForList("select cycle_seconds from dashboard_work_order"
                                + " where completed_day between ? and ?", Long.class, Date.valueOf(from), Date.valueOf(to))
                        .stream().mapToLong(Long::longValue).toArray());
                cycleFrom = from;
                cycleTo = to;
                cycleTime = null;
            }
            if (cycleTime == null) {
                cycleTime = cycles.durations();
            }
            if (timeInStatus == null) {
                timeInStatus = timeInStatus();
            }
            return new Figures(timeInStatus, cycleTime);
        }

        private DashboardView.TimeInStatus timeInStatus() {
            Map<WorkOrderStatus, Tally> overall = times.getOrDefault(OVERALL, Map.of());
            Map<String, DashboardView.Durations> overallStats = new LinkedHashMap<>();
            for (WorkOrderStatus status : WorkOrderStatus.values()) {
                Tally tally = overall.get(status);
                overallStats.put(status.name(), (tally == null ? new Tally() : tally).durations());
            }
            Map<String, Map<String, DashboardView.Durations>> technicianStats = new TreeMap<>();
            times.forEach((scope, tallies) -> {
                if (OVERALL.equals(scope)) {
                    return;
                }
                Map<String, DashboardView.Durations> stats = new LinkedHashMap<>();
                for (WorkOrderStatus status : WorkOrderStatus.values()) {
                    Tally tally = tallies.get(status);
                    if (tally != null && tally.size() > 0) {
                        stats.put(status.name(), tally.durations());
                    }
                }
                if (!stats.isEmpty()) {
                    technicianStats.put(scope, stats);
                }
            });
            return new DashboardView.TimeInStatus(overallStats, technicianStats);
        }
    }
}
