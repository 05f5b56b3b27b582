package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** The line's reserved stock left the shelf for this work order. */
@Revision("1")
public record PartLineIssued(WorkOrderId workOrderId, LineId lineId) {
}
