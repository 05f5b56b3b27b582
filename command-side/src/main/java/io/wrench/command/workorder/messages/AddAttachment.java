package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/**
 * Attach stored bytes to the work order (optionally to one of its inspections). The bytes are already
 * in the attachment store under a key made of the two ids; the command carries what was measured.
 */
public record AddAttachment(@TargetAggregateIdentifier WorkOrderId workOrderId, UUID attachmentId, UUID inspectionId,
                            String name, String contentType, long size, String sha256, String caption,
                            String addedBy, @TargetAggregateVersion Long expectedVersion) {
}
