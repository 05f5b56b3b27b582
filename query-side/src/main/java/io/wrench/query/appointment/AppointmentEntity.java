package io.wrench.query.appointment;

import io.wrench.shared.appointment.AppointmentStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "appointment_view")
class AppointmentEntity {

    @Id
    UUID id;
    UUID customerId;
    UUID assetId;
    /** The catalogue codes, comma-separated. */
    String jobs;
    Instant startAt;
    Instant endAt;
    String bay;
    String technician;
    @Enumerated(EnumType.STRING)
    AppointmentStatus status;
    UUID workOrderId;
    String cancelReason;
    Instant bookedAt;
    long version;

    protected AppointmentEntity() {
    }

    AppointmentEntity(UUID id) {
        this.id = id;
    }
}
