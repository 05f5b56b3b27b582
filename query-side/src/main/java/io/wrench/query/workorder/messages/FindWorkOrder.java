package io.wrench.query.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;

/** One work order with lines, inspections, payments, scans and totals; empty when unknown. */
public record FindWorkOrder(WorkOrderId workOrderId) {
}
