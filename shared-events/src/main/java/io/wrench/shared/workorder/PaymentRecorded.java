package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** A payment towards the invoice; {@code balance} is what remains after it. */
@Revision("1")
public record PaymentRecorded(WorkOrderId workOrderId, java.util.UUID paymentId, BigDecimal amount, PaymentMethod method, BigDecimal balance) {
}
