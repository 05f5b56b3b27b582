package io.wrench.query.workorder.messages;

import java.util.List;

/** A work order's current attachments, oldest first. */
public record AttachmentList(List<AttachmentView> items) {
}
