package io.wrench.query.appointment.messages;

import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.appointment.AppointmentStatus;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.WorkOrderId;

import java.time.Instant;
import java.util.List;

/**
 * An appointment. {@code start}/{@code end} are instants (UTC); {@code workOrderId} is set once it is
 * checked in; {@code version} is the aggregate's version (ETag, If-Match).
 */
public record AppointmentView(AppointmentId id, CustomerId customerId, AssetId assetId, List<String> jobs,
                              Instant start, Instant end, String bay, String technician, AppointmentStatus status,
                              WorkOrderId workOrderId, String cancelReason, Instant bookedAt, long version) {
}
