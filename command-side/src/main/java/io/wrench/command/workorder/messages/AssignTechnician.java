package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Assign (or re-assign) the responsible technician: a user id the technician directory knows as active. */
public record AssignTechnician(@TargetAggregateIdentifier WorkOrderId workOrderId, String technician,
                               @TargetAggregateVersion Long expectedVersion) {
}
