package io.wrench.command.appointment.messages;

import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The customer arrived: the appointment is checked in and work order {@code workOrderId} is opened
 * with its jobs applied, in one commit. {@code openedOn} is the caller's clock (the shop's date).
 */
public record CheckInAppointment(@TargetAggregateIdentifier AppointmentId appointmentId, WorkOrderId workOrderId,
                                 LocalDate openedOn) {
}
