package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** Take an attachment off the work order (an event; the bytes stay). */
public record RemoveAttachment(@TargetAggregateIdentifier WorkOrderId workOrderId, UUID attachmentId,
                               String removedBy, @TargetAggregateVersion Long expectedVersion) {
}
