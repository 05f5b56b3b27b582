package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.PaymentMethod;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.util.UUID;

/** A payment towards an INVOICED work order: {@code 0 < amount <= balance}, at most two decimals. */
public record RecordPayment(@TargetAggregateIdentifier WorkOrderId workOrderId, UUID paymentId, BigDecimal amount,
                            PaymentMethod method, @TargetAggregateVersion Long expectedVersion) {
}
