package io.wrench.query.appointment.messages;

import java.time.Instant;
import java.util.List;

/** The appointments of a span of time, in start order. */
public record AppointmentCalendar(Instant from, Instant to, List<AppointmentView> appointments) {
}
