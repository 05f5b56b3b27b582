package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The customer's authorisation; the approved total (before tax) is fixed from the lines at that moment. */
public record ApproveWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, String approvedBy,
                               @TargetAggregateVersion Long expectedVersion) {
}
