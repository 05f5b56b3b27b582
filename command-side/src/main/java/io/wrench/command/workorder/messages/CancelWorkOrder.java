package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancel a work order that is not yet completed; its part lines are released by the parts process. */
public record CancelWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, String reason,
                              @TargetAggregateVersion Long expectedVersion) {
}
