package io.wrench.query.workorder;

import io.wrench.query.workorder.messages.AttachmentList;
import io.wrench.query.workorder.messages.AttachmentView;
import io.wrench.query.workorder.messages.FindAttachment;
import io.wrench.query.workorder.messages.FindAttachments;
import io.wrench.shared.ViewTables;
import org.springframework.context.annotation.Bean;
import io.wrench.shared.workorder.AttachmentAdded;
import io.wrench.shared.workorder.AttachmentRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * The attachments of each work order. Only one aggregate's events change a row, so the group keeps
 * the default segments. A removed attachment keeps its row (removedAt): its download answers 404 by it.
 */
@Component
@ProcessingGroup(AttachmentProjection.NAME)
class AttachmentProjection {

    static final String NAME = "attachment-projection";


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables attachmentProjectionViewTables() {

        return ViewTables.of(NAME, "work_order_attachment_view");

    }

    private final WorkOrderAttachmentRepository attachments;

    AttachmentProjection(WorkOrderAttachmentRepository attachments) {
        this.attachments = attachments;
    }

    @EventHandler
    void on(AttachmentAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        attachments.save(new WorkOrderAttachmentEntity(event.attachmentId(), event.workOrderId().value(),
                event.inspectionId(), sequence, event.name(), event.contentType(), event.size(), event.sha256(),
                event.caption(), event.addedBy(), at));
    }

    @EventHandler
    void on(AttachmentRemoved event, @Timestamp Instant at) {
        attachments.findById(event.attachmentId()).ifPresent(attachment -> {
            attachment.removedAt = at;
            attachments.save(attachment);
        });
    }

    @QueryHandler
    @Transactional(readOnly = true)
    AttachmentList handle(FindAttachments query) {
        return new AttachmentList(attachments.findByWorkOrderIdAndRemovedAtIsNullOrderByPositionAsc(
                query.workOrderId().value()).stream().map(WorkOrderAttachmentEntity::view).toList());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<AttachmentView> handle(FindAttachment query) {
        return attachments.findById(query.attachmentId())
                .filter(attachment -> attachment.workOrderId.equals(query.workOrderId().value()))
                .map(WorkOrderAttachmentEntity::view);
    }

    @ResetHandler
    void reset() {
        attachments.deleteAllInBulk();
    }
}
