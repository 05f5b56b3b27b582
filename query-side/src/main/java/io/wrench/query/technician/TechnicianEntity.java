package io.wrench.query.technician;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "technician_view")
class TechnicianEntity {

    @Id
    String userId;
    UUID technicianId;
    String displayName;
    boolean active;
    long version;
    Instant registeredAt;

    protected TechnicianEntity() {
    }

    TechnicianEntity(String userId, UUID technicianId, String displayName, long version, Instant registeredAt) {
        this.userId = userId;
        this.technicianId = technicianId;
        this.displayName = displayName;
        this.active = true;
        this.version = version;
        this.registeredAt = registeredAt;
    }
}
