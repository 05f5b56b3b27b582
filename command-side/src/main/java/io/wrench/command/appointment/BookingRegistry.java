package io.wrench.command.appointment;

import io.wrench.shared.appointment.AppointmentId;

import java.time.Instant;
import java.util.Optional;

/**
 * The command side's own view of booked time: which bay or technician is taken when. Kept in the
 * command's transaction (a subscribing processor), never read from the eventually consistent read side.
 */
public interface BookingRegistry {

    /** Another appointment that holds {@code resource} for part of {@code [start, end)}, if any. */
    Optional<AppointmentId> holder(String resource, Instant start, Instant end, AppointmentId except);

    static String bay(String bay) {
        return "bay " + bay;
    }

    static String technician(String technician) {
        return "technician " + technician;
    }
}
