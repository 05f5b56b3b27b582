package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Finish the work: needs the latest inspection PASS and no part line still waiting for stock. */
public record CompleteWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId,
                                @TargetAggregateVersion Long expectedVersion) {
}
