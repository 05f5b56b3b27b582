package io.wrench.shared.appointment;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** NO_SHOW: the booked time ({@code start} to its end) passed without a check-in; the time is free again. */
@Revision("1")
public record AppointmentMissed(AppointmentId appointmentId, Instant start) {
}
