package io.wrench.query.dashboard.messages;

/**
 * Which revision of the dashboard the store holds now: one row, cheap to ask often. Streams on every
 * instance watch it, so that a change projected on another instance reaches their subscribers too.
 */
public record FindDashboardRevision() {

    /** The stored position and the version of the times in status (which change without a new event). */
    public record Revision(long position, long statusTimes) {
    }
}
