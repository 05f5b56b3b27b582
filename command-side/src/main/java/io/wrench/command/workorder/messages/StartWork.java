package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Start work on an APPROVED work order that has a technician. */
public record StartWork(@TargetAggregateIdentifier WorkOrderId workOrderId, String startedBy,
                        @TargetAggregateVersion Long expectedVersion) {
}
