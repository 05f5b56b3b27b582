package io.wrench.query.workorder;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "work_order_scan_view")
class WorkOrderScanEntity {

    @Id
    UUID id;
    UUID workOrderId;
    long position;
    String stage;
    String note;
    String technician;
    @jakarta.persistence.Column(name = "technician_name")
    String technicianName;
    Instant scannedAt;

    protected WorkOrderScanEntity() {
    }

    WorkOrderScanEntity(UUID id, UUID workOrderId, long position, String stage, String note, String technician,
                        String technicianName, Instant scannedAt) {
        this.id = id;
        this.workOrderId = workOrderId;
        this.position = position;
        this.stage = stage;
        this.note = note;
        this.technician = technician;
        this.technicianName = technicianName;
        this.scannedAt = scannedAt;
    }
}
