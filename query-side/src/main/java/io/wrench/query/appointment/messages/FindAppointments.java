package io.wrench.query.appointment.messages;

import io.wrench.shared.appointment.AppointmentStatus;
import io.wrench.shared.customer.CustomerId;

import java.time.Instant;
import java.util.Set;

/**
 * Appointments whose time overlaps {@code [from, to)}, in start order; {@code bay}, {@code technician},
 * {@code customerId} narrow it when given, {@code statuses} when not empty.
 */
public record FindAppointments(Instant from, Instant to, String bay, String technician, CustomerId customerId,
                               Set<AppointmentStatus> statuses) {

    /** The most one answer lists: a week of a large shop. */
    public static final int MAX = 2000;
}
