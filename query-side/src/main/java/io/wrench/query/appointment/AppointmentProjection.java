package io.wrench.query.appointment;

import io.wrench.query.appointment.messages.AppointmentCalendar;
import io.wrench.query.appointment.messages.AppointmentView;
import io.wrench.query.appointment.messages.FindAppointment;
import io.wrench.query.appointment.messages.FindAppointments;
import io.wrench.shared.ViewTables;
import org.springframework.context.annotation.Bean;
import io.wrench.shared.appointment.AppointmentBooked;
import io.wrench.shared.appointment.AppointmentCancelled;
import io.wrench.shared.appointment.AppointmentCheckedIn;
import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.appointment.AppointmentMissed;
import io.wrench.shared.appointment.AppointmentRescheduled;
import io.wrench.shared.appointment.AppointmentStatus;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The calendar: every appointment with its time, bay, technician and status. Each handler skips an
 * event the row has already seen (its sequence number is not above the row's version).
 */
@Component
@ProcessingGroup(AppointmentProjection.NAME)
class AppointmentProjection {

    static final String NAME = "appointment-projection";


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables appointmentProjectionViewTables() {

        return ViewTables.of(NAME, "appointment_view");

    }

    private final AppointmentRepository appointments;

    AppointmentProjection(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    @EventHandler
    void on(AppointmentBooked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (appointments.findById(event.appointmentId().value()).isPresent()) {
            return;
        }
        AppointmentEntity a = new AppointmentEntity(event.appointmentId().value());
        a.customerId = event.customerId().value();
        a.assetId = event.assetId() == null ? null : event.assetId().value();
        a.jobs = String.join(",", event.jobs());
        a.startAt = event.start();
        a.endAt = event.end();
        a.bay = event.bay();
        a.technician = event.technician();
        a.status = AppointmentStatus.BOOKED;
        a.bookedAt = at;
        a.version = sequence;
        appointments.insert(a);
    }

    @EventHandler
    void on(AppointmentRescheduled event, @SequenceNumber long sequence) {
        update(event.appointmentId(), sequence, a -> {
            a.startAt = event.start();
            a.endAt = event.end();
            a.bay = event.bay();
            a.status = AppointmentStatus.RESCHEDULED;
        });
    }

    @EventHandler
    void on(AppointmentCancelled event, @SequenceNumber long sequence) {
        update(event.appointmentId(), sequence, a -> {
            a.status = AppointmentStatus.CANCELLED;
            a.cancelReason = event.reason();
        });
    }

    @EventHandler
    void on(AppointmentCheckedIn event, @SequenceNumber long sequence) {
        update(event.appointmentId(), sequence, a -> {
            a.status = AppointmentStatus.CHECKED_IN;
            a.workOrderId = event.workOrderId().value();
        });
    }

    @EventHandler
    void on(AppointmentMissed event, @SequenceNumber long sequence) {
        update(event.appointmentId(), sequence, a -> a.status = AppointmentStatus.NO_SHOW);
    }

    private void update(AppointmentId id, long sequence, Consumer<AppointmentEntity> change) {
        appointments.findById(id.value()).filter(a -> sequence > a.version).ifPresent(a -> {
            change.accept(a);
            a.version = sequence;
        });
    }

    @ResetHandler
    void reset() {
        appointments.deleteAllInBulk();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    AppointmentCalendar handle(FindAppointments query) {
        Specification<AppointmentEntity> spec = (root, q, cb) -> cb.and(
                cb.lessThan(root.get("startAt"), query.to()), cb.greaterThan(root.get("endAt"), query.from()));
        if (query.bay() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("bay"), query.bay()));
        }
        if (query.technician() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("technician"), query.technician()));
        }
        if (query.customerId() != null) {
            UUID customer = query.customerId().value();
            spec = spec.and((root, q, cb) -> cb.equal(root.get("customerId"), customer));
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            spec = spec.and((root, q, cb) -> root.get("status").in(query.statuses()));
        }
        List<AppointmentView> found = appointments.findAll(spec,
                        PageRequest.of(0, FindAppointments.MAX, Sort.by("startAt", "id")))
                .map(AppointmentProjection::view).getContent();
        return new AppointmentCalendar(query.from(), query.to(), found);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<AppointmentView> handle(FindAppointment query) {
        return appointments.findById(query.appointmentId().value()).map(AppointmentProjection::view);
    }

    private static AppointmentView view(AppointmentEntity a) {
        return new AppointmentView(new AppointmentId(a.id), new CustomerId(a.customerId),
                a.assetId == null ? null : new AssetId(a.assetId),
                Arrays.stream(a.jobs.split(",")).filter(s -> !s.isEmpty()).toList(), a.startAt, a.endAt, a.bay,
                a.technician, a.status, a.workOrderId == null ? null : new WorkOrderId(a.workOrderId),
                a.cancelReason, a.bookedAt, a.version);
    }
}
