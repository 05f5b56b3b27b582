package io.wrench.command.appointment.messages;

import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Book a bay (and optionally a technician) for a customer's jobs (catalogue codes) from {@code start};
 * the length follows from the jobs' hours. {@code now} is the caller's clock: no booking in the past.
 */
public record BookAppointment(@TargetAggregateIdentifier AppointmentId appointmentId, CustomerId customerId,
                              AssetId assetId, List<String> jobs, Instant start, String bay, String technician,
                              Instant now) {
}
