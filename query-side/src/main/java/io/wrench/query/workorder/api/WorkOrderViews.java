package io.wrench.query.workorder.api;

/** The processor whose projection keeps the views these queries read (a consistency wait names it). */
public final class WorkOrderViews {

    public static final String PROCESSOR = "work-order-projection";

    private WorkOrderViews() {
    }
}
