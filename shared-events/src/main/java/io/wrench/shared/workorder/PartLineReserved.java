package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** Inventory reserved the line's stock (also when a backorder was filled). */
@Revision("1")
public record PartLineReserved(WorkOrderId workOrderId, LineId lineId) {
}
