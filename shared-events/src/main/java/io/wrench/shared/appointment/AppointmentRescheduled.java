package io.wrench.shared.appointment;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The appointment's new time (and bay); the length and the technician stay. */
@Revision("1")
public record AppointmentRescheduled(AppointmentId appointmentId, Instant start, Instant end, String bay,
                                     String technician) {
}
