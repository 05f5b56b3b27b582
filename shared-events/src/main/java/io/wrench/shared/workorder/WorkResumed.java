package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Work continues after a hold. */
@Revision("1")
public record WorkResumed(WorkOrderId workOrderId) {
}
