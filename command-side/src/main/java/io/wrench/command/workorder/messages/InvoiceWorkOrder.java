package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/** Fix the totals of a COMPLETED work order; {@code taxRate} is a fraction (0.20 = 20 %), {@code >= 0}. */
public record InvoiceWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, BigDecimal taxRate,
                               @TargetAggregateVersion Long expectedVersion) {
}
