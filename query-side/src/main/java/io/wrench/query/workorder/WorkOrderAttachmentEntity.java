package io.wrench.query.workorder;

import io.wrench.query.workorder.messages.AttachmentView;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "work_order_attachment_view")
class WorkOrderAttachmentEntity {

    @Id
    UUID id;
    UUID workOrderId;
    UUID inspectionId;
    long position;
    String name;
    String contentType;
    long size;
    String sha256;
    String caption;
    String addedBy;
    Instant addedAt;
    Instant removedAt;

    protected WorkOrderAttachmentEntity() {
    }

    WorkOrderAttachmentEntity(UUID id, UUID workOrderId, UUID inspectionId, long position, String name,
                              String contentType, long size, String sha256, String caption, String addedBy,
                              Instant addedAt) {
        this.id = id;
        this.workOrderId = workOrderId;
        this.inspectionId = inspectionId;
        this.position = position;
        this.name = name;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.caption = caption;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    AttachmentView view() {
        return new AttachmentView(id, workOrderId, inspectionId, name, contentType, size, sha256, caption, addedBy,
                addedAt, removedAt);
    }
}
