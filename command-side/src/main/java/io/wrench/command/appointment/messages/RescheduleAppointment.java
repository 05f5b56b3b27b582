package io.wrench.command.appointment.messages;

import io.wrench.shared.appointment.AppointmentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Move a booked appointment to {@code start}, and to {@code bay} when given; same rules as booking. */
public record RescheduleAppointment(@TargetAggregateIdentifier AppointmentId appointmentId, Instant start, String bay,
                                    Instant now, @TargetAggregateVersion Long expectedVersion) {
}
