package io.wrench.command.appointment;

import io.wrench.command.CommandSideProcessing;
import io.wrench.command.LookupTable;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.appointment.AppointmentBooked;
import io.wrench.shared.appointment.AppointmentCancelled;
import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.appointment.AppointmentMissed;
import io.wrench.shared.appointment.AppointmentRescheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Booked time as rows of {@code cmd_booking_slot}: one per resource ("bay B1", "technician ann") and
 * 15-minute slot, under a primary key. Written by a subscribing processor inside the transaction that
 * stores the event: when two bookings race past the aggregate's check, the second insert fails and
 * its command is rolled back with the same rule violation, naming the resource. A cancelled or
 * missed appointment frees its rows; a checked-in one keeps them.
 */
@Component
@ProcessingGroup(CommandSideProcessing.BOOKING_REGISTRY)
class JdbcBookingRegistry extends LookupTable implements BookingRegistry {

    JdbcBookingRegistry(JdbcTemplate jdbc) {
        super(jdbc);
    }

    static long slot(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), ShopHours.SLOT.toSeconds());
    }

    @Override
    public Optional<AppointmentId> holder(String resource, Instant start, Instant end, AppointmentId except) {
        return first("select appointment_id from cmd_booking_slot where resource = ? and slot >= ? and slot < ?"
                        + " and appointment_id <> ? order by slot",
                (rs, i) -> new AppointmentId(rs.getObject(1, UUID.class)), resource, slot(start), slot(end),
                except.value());
    }

    @EventHandler
    void on(AppointmentBooked event) {
        hold(event.appointmentId(), event.start(), event.end(), event.bay(), event.technician());
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        free(event.appointmentId());
        hold(event.appointmentId(), event.start(), event.end(), event.bay(), event.technician());
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        free(event.appointmentId());
    }

    @EventHandler
    void on(AppointmentMissed event) {
        free(event.appointmentId());
    }

    private void hold(AppointmentId appointment, Instant start, Instant end, String bay, String technician) {
        hold(appointment, BookingRegistry.bay(bay), start, end);
        if (technician != null) {
            hold(appointment, BookingRegistry.technician(technician), start, end);
        }
    }

    private void hold(AppointmentId appointment, String resource, Instant start, Instant end) {
        for (long slot = slot(start); slot < slot(end); slot++) {
            writeUnique(() -> new AppointmentRuleViolation(ErrorCode.APPOINTMENT_CLASH,
                            resource + " is already booked for part of that time"),
                    "insert into cmd_booking_slot (resource, slot, appointment_id) values (?, ?, ?)",
                    resource, slot, appointment.value());
        }
    }

    private void free(AppointmentId appointment) {
        jdbc.update("delete from cmd_booking_slot where appointment_id = ?", appointment.value());
    }

    @ResetHandler
    void reset() {
        clear("cmd_booking_slot");
    }
}
