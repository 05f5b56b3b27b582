package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Pause work, with a reason. */
public record HoldWork(@TargetAggregateIdentifier WorkOrderId workOrderId, String reason,
                       @TargetAggregateVersion Long expectedVersion) {
}
