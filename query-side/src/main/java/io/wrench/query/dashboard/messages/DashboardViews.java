package io.wrench.query.dashboard.messages;

/** The processor whose projection keeps the views these queries read (a consistency wait names it). */
public final class DashboardViews {

    public static final String PROCESSOR = "dashboard-projection";

    private DashboardViews() {
    }
}
