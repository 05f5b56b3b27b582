package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A photo or document attached to a work order (and to one of its inspections when {@code inspectionId}
 * is set). The bytes live in the attachment store; the event records what they were: the sanitised
 * name, the content type read from the bytes, their size and SHA-256 (hex), so the audit ledger
 * covers the content too.
 */
@Revision("1")
public record AttachmentAdded(WorkOrderId workOrderId, UUID attachmentId, UUID inspectionId, String name,
                              String contentType, long size, String sha256, String caption, String addedBy) {
}
