package io.wrench.api.attachment;

import io.wrench.api.web.ConflictException;
import io.wrench.api.web.NotFoundException;
import io.wrench.api.web.PayloadTooLargeException;
import io.wrench.api.web.Queries;
import io.wrench.api.web.Sha256;
import io.wrench.api.workorder.WorkOrderHistory;
import io.wrench.query.workorder.messages.AttachmentList;
import io.wrench.query.workorder.messages.AttachmentView;
import io.wrench.query.workorder.messages.FindAttachment;
import io.wrench.query.workorder.messages.FindAttachments;
import io.wrench.shared.workorder.WorkOrderId;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Reading attachments back: the recorded SHA-256 is checked on every download. */
@Component
class Attachments {

    private final AttachmentStore store;
    private final ContentInspector inspector;
    private final Queries queries;
    private final WorkOrderHistory history;
    private final AttachmentProperties properties;

    Attachments(AttachmentStore store, ContentInspector inspector, Queries queries, WorkOrderHistory history,
                AttachmentProperties properties) {
        this.store = store;
        this.inspector = inspector;
        this.queries = queries;
        this.history = history;
        this.properties = properties;
    }

    /** A work order's attachments; 404 when there is no such work order. */
    AttachmentList list(WorkOrderId workOrderId) {
        requireWorkOrder(workOrderId);
        return queries.optional(new FindAttachments(workOrderId), AttachmentList.class)
                .orElseGet(() -> new AttachmentList(java.util.List.of()));
    }

    /** The view and its bytes, which must still be the bytes the event recorded (409 otherwise). */
    Content content(WorkOrderId workOrderId, UUID attachmentId) {
        AttachmentView view = current(workOrderId, attachmentId);
        byte[] bytes = store.get(AttachmentStore.key(workOrderId, attachmentId)).orElseThrow(() -> new ConflictException(
                "the bytes of attachment " + attachmentId + " are missing from the attachment store"));
        String sha256 = Sha256.hex(bytes);
        if (!sha256.equals(view.sha256())) {
            throw new ConflictException("the stored bytes of attachment " + attachmentId + " no longer match the "
                    + "SHA-256 recorded when it was added (recorded " + view.sha256() + ", stored " + sha256 + ")");
        }
        return new Content(view, bytes);
    }

    /** A PNG at most thumbnail-size a side; images only (a PDF has none: 404). */
    byte[] thumbnail(WorkOrderId workOrderId, UUID attachmentId) throws PayloadTooLargeException {
        Content content = content(workOrderId, attachmentId);
        ContentKind kind = ContentKind.ofMediaType(content.view().contentType());
        if (!kind.isImage()) {
            throw new NotFoundException("attachment " + attachmentId + " is a " + kind + "; only images have thumbnails");
        }
        int side = properties.getThumbnailSize();
        BufferedImage image = inspector.decode(content.bytes(), kind, side * 2);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            Thumbnails.of(image).size(side, side).outputFormat("png").toOutputStream(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** Not removed, on this work order; 404 otherwise. */
    AttachmentView current(WorkOrderId workOrderId, UUID attachmentId) {
        return queries.optional(new FindAttachment(workOrderId, attachmentId), AttachmentView.class)
                .filter(view -> view.removedAt() == null)
                .orElseThrow(() -> new NotFoundException("no attachment " + attachmentId + " on work order "
                        + workOrderId));
    }

    void requireWorkOrder(WorkOrderId workOrderId) {
        if (history.number(workOrderId).isEmpty()) {
            throw new NotFoundException("no work order with id " + workOrderId);
        }
    }


    record Content(AttachmentView view, byte[] bytes) {
    }
}
