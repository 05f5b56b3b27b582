package io.wrench.query.workorder;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A technician's display name as this group last saw it, keyed by user id. */
@Entity
@Table(name = "work_order_technician_view")
class WorkOrderTechnicianEntity {

    @Id
    String userId;
    String name;

    protected WorkOrderTechnicianEntity() {
    }

    WorkOrderTechnicianEntity(String userId, String name) {
        this.userId = userId;
        this.name = name;
    }
}
