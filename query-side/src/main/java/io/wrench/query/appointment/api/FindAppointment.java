package io.wrench.query.appointment.api;

import io.wrench.shared.appointment.AppointmentId;

public record FindAppointment(AppointmentId appointmentId) {
}
