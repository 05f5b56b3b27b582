package io.wrench.shared.appointment;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.serialization.Revision;

/** The customer arrived: the work order opened for the appointment (in the same commit) is {@code workOrderId}. */
@Revision("1")
public record AppointmentCheckedIn(AppointmentId appointmentId, WorkOrderId workOrderId) {
}
