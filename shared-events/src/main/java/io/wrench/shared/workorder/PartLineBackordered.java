package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Inventory could not reserve the line's stock yet; it waits in request order. */
@Revision("1")
public record PartLineBackordered(WorkOrderId workOrderId, LineId lineId) {
}
