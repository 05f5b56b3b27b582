package io.wrench.shared.workorder;

public enum WorkOrderStatus { OPEN, APPROVED, IN_PROGRESS, ON_HOLD, COMPLETED, INVOICED, PAID, CANCELLED }
