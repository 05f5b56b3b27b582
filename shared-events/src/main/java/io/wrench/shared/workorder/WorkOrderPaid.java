package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Payments cover the invoiced total. */
@Revision("1")
public record WorkOrderPaid(WorkOrderId workOrderId) {
}
