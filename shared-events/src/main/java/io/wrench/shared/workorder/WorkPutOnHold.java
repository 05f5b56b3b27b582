package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Work paused, with the reason. */
@Revision("1")
public record WorkPutOnHold(WorkOrderId workOrderId, String reason) {
}
