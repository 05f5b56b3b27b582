package io.wrench.command.appointment.messages;

import io.wrench.shared.appointment.AppointmentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancel a booked appointment, with a reason. */
public record CancelAppointment(@TargetAggregateIdentifier AppointmentId appointmentId, String reason,
                                @TargetAggregateVersion Long expectedVersion) {
}
