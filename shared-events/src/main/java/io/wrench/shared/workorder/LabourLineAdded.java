package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** A labour line; amount = hours x hourly rate. */
@Revision("1")
public record LabourLineAdded(WorkOrderId workOrderId, LineId lineId, String description, BigDecimal hours, BigDecimal hourlyRate) {
}
