package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/**
 * A labour line; {@code amount} = hours x hourly rate, rounded to cents ({@code Money.line}), as the work
 * order computed it. Revision 1 had no amount; the upcaster adds it by the same rule.
 */
@Revision("2")
public record LabourLineAdded(WorkOrderId workOrderId, LineId lineId, String description, BigDecimal hours, BigDecimal hourlyRate,
                              BigDecimal amount) {
}
