package io.wrench.shared.appointment;

import org.axonframework.serialization.Revision;

/** Cancelled with a reason; its bay and technician are free again. */
@Revision("1")
public record AppointmentCancelled(AppointmentId appointmentId, String reason) {
}
