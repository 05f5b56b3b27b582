package io.wrench.query.dashboard;

import io.wrench.query.PageView;

import io.wrench.query.Decimals;
import io.wrench.query.dashboard.messages.DashboardView;
import io.wrench.query.dashboard.messages.ExplainFigure;
import io.wrench.query.dashboard.messages.Figure;
import io.wrench.query.dashboard.messages.FigureExplanation;
import io.wrench.query.dashboard.messages.FindDashboard;
import io.wrench.query.dashboard.messages.FindDashboardRevision;
import io.wrench.shared.workorder.WorkOrderStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;


/**
 * Builds the dashboard document and explanations from the running figures. Each answer reads in one
 * repeatable-read transaction of its own (the query bus's transaction is read-committed), so every
 * figure and {@code position} describe the same moment. "Today"
 * comes from the injected clock, in the shop's time zone.
 */
@Component
class DashboardQueries {

    static final int PERIOD_DAYS = 30;
    static final int OLDEST_OVERDUE = 10;
    static final int LOW_STOCK_ITEMS = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    /** Time in status and cycle times, moved on from the projection's change log (per instance). */
    private final HistoryFigures history;

    DashboardQueries(JdbcTemplate jdbc, Clock clock, @Value("${wrench.shop.time-zone:UTC}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.history = new HistoryFigures(jdbc);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @QueryHandler
    FindDashboardRevision.Revision handle(FindDashboardRevision query) {
        return jdbc.queryForObject("select position, status_time_version from dashboard_state where id = 1",
                (rs, i) -> new FindDashboardRevision.Revision(rs.getLong(1), rs.getLong(2)));
    }

    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    DashboardView handle(FindDashboard query) {
        LocalDate today = today();
        LocalDate to = query.to() == null ? today : query.to();
        LocalDate from = query.from() == null ? to.minusDays(PERIOD_DAYS - 1) : query.from();
        Map<String, BigDecimal> counters = new HashMap<>();
        jdbc.query("select figure, amount from dashboard_counter",
                rs -> { counters.put(rs.getString(1), rs.getBigDecimal(2)); });
        Daily daily = new Daily(jdbc, min(from, today.minusDays(PERIOD_DAYS - 1)), max(to, today));

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            byStatus.put(status.name(), count(counters.get("workOrders.byStatus." + status)));
        }
        List<DashboardView.OverdueWorkOrder> oldest = jdbc.query("select id, number, due_date from dashboard_work_order"
                        + " where overdue_due_date is not null order by overdue_due_date, id limit " + OLDEST_OVERDUE,
                (rs, i) -> {
                    LocalDate due = rs.getDate(3).toLocalDate();
                    return new DashboardView.OverdueWorkOrder(rs.getObject(1, UUID.class), rs.getString(2), due,
                            ChronoUnit.DAYS.between(due, today));
                });
        var workOrders = new DashboardView.WorkOrders(byStatus,
                new DashboardView.Overdue(count(counters.get("workOrders.overdue.count")), oldest));

        HistoryFigures.Figures figures = history.at(DashboardStore.tallyVersion(jdbc), from, to);

        var revenue = new DashboardView.Revenue(daily.amounts(today, today), daily.amounts(today.minusDays(6), today),
                daily.amounts(today.minusDays(PERIOD_DAYS - 1), today), daily.byDay(today));
        long inspections = count(daily.sum("inspections.count", from, to));
        long passed = count(daily.sum("inspections.passed", from, to));
        long first = count(daily.sum("inspections.firstInspections", from, to));
        long firstPassed = count(daily.sum("inspections.firstPassed", from, to));

        List<DashboardView.LowStockItem> lowItems = jdbc.query("select id, sku, name, on_hand - reserved, reorder_level"
                        + " from dashboard_stock_item where low_stock = true order by sku, id limit " + LOW_STOCK_ITEMS,
                (rs, i) -> new DashboardView.LowStockItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Decimals.quantity(rs.getBigDecimal(4)), Decimals.quantity(rs.getBigDecimal(5))));

        return new DashboardView(new DashboardView.Period(from, to), workOrders, figures.cycleTime(), figures.timeInStatus(),
                workload(counters, technicianNames()), revenue,
                new DashboardView.Inspections(inspections, passed, rate(passed, inspections), first, firstPassed,
                        rate(firstPassed, first)),
                new DashboardView.LowStock(count(counters.get("lowStock.count")), lowItems),
                Decimals.money(counters.getOrDefault("stockValue", BigDecimal.ZERO)), position(), clock.instant());
    }

    private long position() {
        return jdbc.queryForObject("select position from dashboard_state where id = 1", Long.class);
    }

    private Map<String, String> technicianNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select user_id, display_name from dashboard_technician",
                rs -> { names.put(rs.getString(1), rs.getString(2)); });
        return names;
    }

    private static Map<String, DashboardView.Workload> workload(Map<String, BigDecimal> counters,
                                                                Map<String, String> names) {
        Map<String, Map<String, BigDecimal>> byTechnician = new TreeMap<>();
        counters.forEach((figure, amount) -> {
            if (figure.startsWith(Figure.TECHNICIAN_PREFIX)) {
                int dot = figure.lastIndexOf('.');
                byTechnician.computeIfAbsent(figure.substring(Figure.TECHNICIAN_PREFIX.length(), dot),
                        t -> new HashMap<>()).put(figure.substring(dot + 1), amount);
            }
        });
        Map<String, DashboardView.Workload> workload = new TreeMap<>();
        byTechnician.forEach((technician, figures) -> {
            if (figures.values().stream().anyMatch(v -> v.signum() != 0)) {
                workload.put(technician, new DashboardView.Workload(names.getOrDefault(technician, technician),
                        count(figures.get("assigned")),
                        count(figures.get("inProgress")), count(figures.get("onHold")),
                        Decimals.quantity(figures.getOrDefault("labourHours", BigDecimal.ZERO))));
            }
        });
        return workload;
    }

    // --- explain

    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    FigureExplanation handle(ExplainFigure query) {
        Figure figure = query.figure();
        LocalDate[] days = days(figure.window(), query.from(), query.to());
        String where = days == null ? "c.figure = ? and c.on_day is null" : "c.figure = ? and c.on_day between ? and ?";
        Object[] args = days == null ? new Object[]{figure.stored()}
                : new Object[]{figure.stored(), Date.valueOf(days[0]), Date.valueOf(days[1])};
        long total = jdbc.queryForObject("select count(*) from dashboard_contribution c where " + where, Long.class, args);
        int offset = query.page() * query.size();
        // for a rate, whether each event of the denominator is one of the numerator's too
        String numerator = figure.isRate() ? figure.numerator() : "";
        List<Object[]> rows = jdbc.query("select c.event_id, e.aggregate_id, e.event_type, e.occurred_at, c.amount,"
                        + " c.position, n.event_id from dashboard_contribution c"
                        + " join dashboard_event e on e.event_id = c.event_id"
                        + " left join dashboard_contribution n on n.figure = ? and n.event_id = c.event_id"
                        + " where " + where + " order by c.position limit " + query.size() + " offset " + offset,
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBigDecimal(5), rs.getLong(6), rs.getString(7) != null},
                prepend(numerator, args));
        List<FigureExplanation.Contribution> items = new ArrayList<>();
        BigDecimal value;
        if (figure.isRate()) {
            // each event of the denominator adds its share of the numerator, rounded so that the shares
            // telescope: the k-th adds round(P(k) / n) - round(P(k-1) / n), P(k) = numerator events among the first k
            long passedSoFar = rows.isEmpty() ? 0 : jdbc.queryForObject("select count(*) from dashboard_contribution c"
                    + " where " + where.replace("c.figure = ?", "c.figure = ? and c.position < ?"), Long.class,
                    numeratorArgs(figure, (Long) rows.get(0)[5], days));
            BigDecimal previous = rate(passedSoFar, total);
            for (Object[] row : rows) {
                if ((Boolean) row[6]) {
                    passedSoFar++;
                }
                BigDecimal current = rate(passedSoFar, total);
                items.add(contribution(row, current.subtract(previous)));
                previous = current;
            }
            long inNumerator = jdbc.queryForObject("select count(*) from dashboard_contribution c where " + where,
                    Long.class, replaceFirst(args, figure.numerator()));
            value = rate(inNumerator, total);
        } else {
            rows.forEach(row -> items.add(contribution(row, format(figure, (BigDecimal) row[4]))));
            BigDecimal sum = days == null
                    ? jdbc.queryForObject("select sum(amount) from dashboard_counter where figure = ?", BigDecimal.class,
                    figure.stored())
                    : jdbc.queryForObject("select sum(amount) from dashboard_daily where figure = ? and on_day between ? and ?",
                    BigDecimal.class, args);
            value = format(figure, sum == null ? BigDecimal.ZERO : sum);
        }
        return new FigureExplanation(figure.path(), value, position(), items, query.page(), query.size(), total,
                PageView.pages(total, query.size()));
    }

    private static Object[] numeratorArgs(Figure figure, long position, LocalDate[] days) {
        return days == null ? new Object[]{figure.numerator(), position}
                : new Object[]{figure.numerator(), position, Date.valueOf(days[0]), Date.valueOf(days[1])};
    }

    private static Object[] prepend(Object first, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = first;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    private static Object[] replaceFirst(Object[] args, Object first) {
        Object[] copy = args.clone();
        copy[0] = first;
        return copy;
    }

    private static FigureExplanation.Contribution contribution(Object[] row, BigDecimal amount) {
        return new FigureExplanation.Contribution((String) row[0], (String) row[1], (String) row[2],
                (java.time.Instant) row[3], amount);
    }

    /** The days a figure covers, inclusive; null for a figure of the current state. */
    private LocalDate[] days(Figure.Window window, LocalDate from, LocalDate to) {
        LocalDate today = today();
        return switch (window) {
            case ALL -> null;
            case TODAY -> new LocalDate[]{today, today};
            case LAST_7_DAYS -> new LocalDate[]{today.minusDays(6), today};
            case LAST_30_DAYS -> new LocalDate[]{today.minusDays(PERIOD_DAYS - 1), today};
            case PERIOD -> {
                LocalDate end = to == null ? today : to;
                yield new LocalDate[]{from == null ? end.minusDays(PERIOD_DAYS - 1) : from, end};
            }
        };
    }

    /** Money with two decimals, hours as quantities, counts as whole numbers. */
    static BigDecimal format(Figure figure, BigDecimal amount) {
        if (figure.stored().startsWith("revenue.") || figure.stored().equals("stockValue")) {
            return Decimals.money(amount);
        }
        if (figure.stored().endsWith(".labourHours")) {
            return Decimals.quantity(amount);
        }
        return amount.setScale(0, RoundingMode.UNNECESSARY);
    }

    /** A rate with four decimals (half up); null when nothing was counted. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long count(BigDecimal amount) {
        return amount == null ? 0 : amount.longValueExact();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The per-day sums of the period figures over the days the document needs. */
    private static final class Daily {

        private final Map<String, Map<LocalDate, BigDecimal>> sums = new HashMap<>();

        Daily(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
            jdbc.query("select figure, on_day, amount from dashboard_daily where on_day between ? and ?", rs -> {
                sums.computeIfAbsent(rs.getString(1), f -> new HashMap<>()).put(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
            }, Date.valueOf(from), Date.valueOf(to));
        }

        BigDecimal sum(String figure, LocalDate from, LocalDate to) {
            return sums.getOrDefault(figure, Map.of()).entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        DashboardView.Amounts amounts(LocalDate from, LocalDate to) {
            return new DashboardView.Amounts(Decimals.money(sum("revenue.invoiced", from, to)),
                    Decimals.money(sum("revenue.paid", from, to)));
        }

        List<DashboardView.Day> byDay(LocalDate today) {
            List<DashboardView.Day> days = new ArrayList<>();
            for (LocalDate day = today.minusDays(PERIOD_DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
                DashboardView.Amounts amounts = amounts(day, day);
                days.add(new DashboardView.Day(day, amounts.invoiced(), amounts.paid()));
            }
            return days;
        }
    }
}
