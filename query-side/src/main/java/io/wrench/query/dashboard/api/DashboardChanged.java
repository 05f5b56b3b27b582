package io.wrench.query.dashboard.api;

/** Update of a {@link FindDashboard} subscription: the projection committed events up to {@code position}. */
public record DashboardChanged(long position) {
}
