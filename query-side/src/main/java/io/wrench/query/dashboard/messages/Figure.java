package io.wrench.query.dashboard.messages;

import io.wrench.shared.workorder.WorkOrderStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A count or sum of the dashboard that explain can break down into events: its path in the document,
 * the running figure it is stored as, and the days it covers. A rate is explained over the events of
 * its denominator, each contributing its share of the numerator.
 *
 * @param path      the figure's path in the document, e.g. {@code revenue.last7Days.invoiced}
 * @param stored    the stored figure (for a rate: the denominator's)
 * @param window    which days the figure covers ({@link Window#ALL} for the current state)
 * @param numerator for a rate, the stored figure of its numerator; else null
 */
public record Figure(String path, String stored, Window window, String numerator) {

    public enum Window { ALL, TODAY, LAST_7_DAYS, LAST_30_DAYS, PERIOD }

    public static final String TECHNICIAN_PREFIX = "technicians.";
    public static final List<String> WORKLOAD = List.of("assigned", "inProgress", "onHold", "labourHours");

    private static final Map<String, Figure> FIXED = new LinkedHashMap<>();

    static {
        Arrays.stream(WorkOrderStatus.values()).forEach(s -> fixed("workOrders.byStatus." + s, Window.ALL));
        fixed("workOrders.overdue.count", Window.ALL);
        fixed("cycleTime.count", Window.PERIOD);
        Map<String, Window> revenueWindows = new LinkedHashMap<>();
        revenueWindows.put("today", Window.TODAY);
        revenueWindows.put("last7Days", Window.LAST_7_DAYS);
        revenueWindows.put("last30Days", Window.LAST_30_DAYS);
        revenueWindows.forEach((name, window) -> List.of("invoiced", "paid").forEach(kind ->
                FIXED.put("revenue." + name + "." + kind, new Figure("revenue." + name + "." + kind,
                        "revenue." + kind, window, null))));
        List.of("count", "passed", "firstInspections", "firstPassed").forEach(f -> fixed("inspections." + f, Window.PERIOD));
        FIXED.put("inspections.passRate", new Figure("inspections.passRate", "inspections.count", Window.PERIOD,
                "inspections.passed"));
        FIXED.put("inspections.firstTimePassRate", new Figure("inspections.firstTimePassRate",
                "inspections.firstInspections", Window.PERIOD, "inspections.firstPassed"));
        fixed("lowStock.count", Window.ALL);
        fixed("stockValue", Window.ALL);
    }

    private static void fixed(String path, Window window) {
        FIXED.put(path, new Figure(path, path, window, null));
    }

    public static Optional<Figure> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Figure fixed = FIXED.get(path);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        if (path.startsWith(TECHNICIAN_PREFIX)) {
            int dot = path.lastIndexOf('.');
            String technician = dot > TECHNICIAN_PREFIX.length() ? path.substring(TECHNICIAN_PREFIX.length(), dot) : "";
            if (!technician.isEmpty() && WORKLOAD.contains(path.substring(dot + 1))) {
                return Optional.of(new Figure(path, path, Window.ALL, null));
            }
        }
        return Optional.empty();
    }

    /** Every figure explain knows, technicians' as a pattern. */
    public static List<String> valid() {
        List<String> valid = new ArrayList<>(FIXED.keySet());
        WORKLOAD.forEach(w -> valid.add(TECHNICIAN_PREFIX + "<technician>." + w));
        return valid;
    }

    public static String technician(String technician, String workload) {
        return TECHNICIAN_PREFIX + technician + "." + workload;
    }

    public boolean isRate() {
        return numerator != null;
    }
}
