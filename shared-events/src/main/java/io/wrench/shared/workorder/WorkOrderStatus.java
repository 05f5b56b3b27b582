package io.wrench.shared.workorder;

/** Where a work order is in its lifecycle (docs/work-orders.md has the transitions). */
public enum WorkOrderStatus {
    OPEN, APPROVED, IN_PROGRESS, ON_HOLD, COMPLETED, INVOICED, PAID, CANCELLED;

    /**
     * Not yet completed, and not cancelled: the work is still to be done. Lines may be added or removed,
     * a technician assigned, the order cancelled; past its due date it is overdue; the customer's
     * "open work orders" count it.
     */
    public boolean isOutstanding() {
        return this == OPEN || this == APPROVED || this == IN_PROGRESS || this == ON_HOLD;
    }
}
