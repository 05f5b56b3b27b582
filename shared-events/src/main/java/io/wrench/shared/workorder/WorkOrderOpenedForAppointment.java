package io.wrench.shared.workorder;

import io.wrench.shared.appointment.AppointmentId;
import org.axonframework.serialization.Revision;

/** The work order was opened by checking in this appointment (right after its {@code WorkOrderOpened}). */
@Revision("1")
public record WorkOrderOpenedForAppointment(WorkOrderId workOrderId, AppointmentId appointmentId) {
}
