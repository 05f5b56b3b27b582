package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An attachment taken off the work order; its bytes stay in the store until a retention rule removes them. */
@Revision("1")
public record AttachmentRemoved(WorkOrderId workOrderId, UUID attachmentId, String removedBy) {
}
