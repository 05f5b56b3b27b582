package io.wrench.query.workorder.messages;

/** The processor whose projection keeps the views these queries read (a consistency wait names it). */
public final class WorkOrderViews {

    public static final String PROCESSOR = "work-order-projection";

    private WorkOrderViews() {
    }
}
