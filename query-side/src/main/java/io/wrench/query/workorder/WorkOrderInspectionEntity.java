package io.wrench.query.workorder;

import io.wrench.shared.workorder.InspectionResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "work_order_inspection_view")
class WorkOrderInspectionEntity {

    @Id
    UUID id;
    UUID workOrderId;
    long position;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    InspectionResult result;
    String notes;
    String inspector;
    String inspectorName;
    Instant recordedAt;

    protected WorkOrderInspectionEntity() {
    }

    WorkOrderInspectionEntity(UUID id, UUID workOrderId, long position, InspectionResult result, String notes,
                              String inspector, String inspectorName, Instant recordedAt) {
        this.id = id;
        this.workOrderId = workOrderId;
        this.position = position;
        this.result = result;
        this.notes = notes;
        this.inspector = inspector;
        this.inspectorName = inspectorName;
        this.recordedAt = recordedAt;
    }
}
