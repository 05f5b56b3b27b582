package io.wrench.query.appointment;

import io.wrench.shared.appointment.AppointmentStatus;
import jakarta.persistence.Column;
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
    @Column(name = "customer_id")
    UUID customerId;
    @Column(name = "asset_id")
    UUID assetId;
    /** The catalogue codes, comma-separated. */
    String jobs;
    @Column(name = "start_at")
    Instant startAt;
    @Column(name = "end_at")
    Instant endAt;
    String bay;
    String technician;
    @Enumerated(EnumType.STRING)
    AppointmentStatus status;
    @Column(name = "work_order_id")
    UUID workOrderId;
    @Column(name = "cancel_reason")
    String cancelReason;
    @Column(name = "booked_at")
    Instant bookedAt;
    long version;

    protected AppointmentEntity() {
    }

    AppointmentEntity(UUID id) {
        this.id = id;
    }
}
