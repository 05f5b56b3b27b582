package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Work done; every reserved part line is issued by the parts process. */
@Revision("1")
public record WorkOrderCompleted(WorkOrderId workOrderId) {
}
