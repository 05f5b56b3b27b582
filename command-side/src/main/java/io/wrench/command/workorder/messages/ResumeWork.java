package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Continue work after a hold. */
public record ResumeWork(@TargetAggregateIdentifier WorkOrderId workOrderId,
                         @TargetAggregateVersion Long expectedVersion) {
}
