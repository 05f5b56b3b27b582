package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Work began (needs APPROVED and an assigned technician). */
@Revision("1")
public record WorkStarted(WorkOrderId workOrderId, String startedBy) {
}
