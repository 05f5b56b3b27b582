package io.wrench.query.appointment.messages;

import io.wrench.shared.appointment.AppointmentId;

public record FindAppointment(AppointmentId appointmentId) {
}
