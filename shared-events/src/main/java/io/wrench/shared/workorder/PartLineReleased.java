package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** The line's reservation or backorder was given up (line removed, work order cancelled, or refused by inventory). */
@Revision("1")
public record PartLineReleased(WorkOrderId workOrderId, LineId lineId) {
}
