package io.wrench.query.dashboard.messages;

/** Update of a {@link FindDashboard} subscription: the projection committed events up to {@code position}. */
public record DashboardChanged(long position) {
}
