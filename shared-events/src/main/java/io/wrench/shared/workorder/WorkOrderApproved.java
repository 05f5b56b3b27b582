package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** The customer's authorisation: who approved and for what total. */
@Revision("1")
public record WorkOrderApproved(WorkOrderId workOrderId, String approvedBy, BigDecimal approvedTotal) {
}
