package io.wrench.shared.appointment;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A booking: the customer's jobs (catalogue codes) in {@code bay}, and with {@code technician} if one
 * is named, from {@code start} to {@code end} (the jobs' hours, in whole slots). {@code assetId} may be null.
 */
@Revision("1")
public record AppointmentBooked(AppointmentId appointmentId, CustomerId customerId, AssetId assetId, List<String> jobs,
                                Instant start, Instant end, String bay, String technician) {
}
