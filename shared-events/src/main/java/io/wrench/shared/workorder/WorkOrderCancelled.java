package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Cancelled with a reason; part lines are released by the parts process. */
@Revision("1")
public record WorkOrderCancelled(WorkOrderId workOrderId, String reason) {
}
