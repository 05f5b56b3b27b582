package io.wrench.query.dashboard.api;

/** The processor whose projection keeps the views these queries read (a consistency wait names it). */
public final class DashboardViews {

    public static final String PROCESSOR = "dashboard-projection";

    private DashboardViews() {
    }
}
