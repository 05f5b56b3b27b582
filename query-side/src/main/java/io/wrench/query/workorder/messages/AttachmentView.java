package io.wrench.query.workorder.messages;

import java.time.Instant;
import java.util.UUID;

/** An attachment as the work order's list shows it; {@code removedAt} is set once it was taken off. */
public record AttachmentView(UUID id, UUID workOrderId, UUID inspectionId, String name, String contentType, long size,
                             String sha256, String caption, String addedBy, Instant addedAt, Instant removedAt) {
}
