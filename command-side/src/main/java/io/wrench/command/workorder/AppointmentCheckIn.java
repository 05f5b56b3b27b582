package io.wrench.command.workorder;

import io.wrench.command.appointment.Appointment;
import io.wrench.command.appointment.messages.CheckInAppointment;
import io.wrench.command.appointment.messages.CheckedIn;
import io.wrench.command.workorder.messages.OpenWorkOrder;
import io.wrench.shared.workorder.Priority;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checking an appointment in: the appointment records the check-in and a work order is opened for it
 * with its jobs applied, both in the one unit of work (one transaction) of this command, so either
 * both happen or neither does. They are linked both ways: {@code AppointmentCheckedIn.workOrderId}
 * and {@code WorkOrderOpenedForAppointment.appointmentId}.
 */
@Component
class AppointmentCheckIn {

    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<DeadlineManager> deadlines;
    private final CustomerEligibility customers;
    private final WorkOrderNumbers numbers;
    private final JobCatalog jobs;
    private final PartCatalog parts;
    private final PricingPolicy pricing;

    AppointmentCheckIn(ObjectProvider<Configuration> axon, ObjectProvider<DeadlineManager> deadlines,
                       CustomerEligibility customers, WorkOrderNumbers numbers, JobCatalog jobs, PartCatalog parts,
                       PricingPolicy pricing) {
        this.axon = axon;
        this.deadlines = deadlines;
        this.customers = customers;
        this.numbers = numbers;
        this.jobs = jobs;
        this.parts = parts;
        this.pricing = pricing;
    }

    @CommandHandler
    CheckedIn handle(CheckInAppointment command) throws Exception {
        Configuration configuration = axon.getObject();
        DeadlineManager deadlineManager = deadlines.getObject();
        Aggregate<Appointment> appointment = configuration.repository(Appointment.class)
                .load(command.appointmentId().toString());
        Appointment.CheckIn booked = appointment.invoke(a -> a.checkIn(command.workOrderId(), deadlineManager));
        OpenWorkOrder open = new OpenWorkOrder(command.workOrderId(), booked.customerId(), booked.assetId(),
                "Appointment: " + String.join(", ", booked.jobs()), Priority.NORMAL, null, command.openedOn());
        Aggregate<WorkOrder> workOrder = configuration.repository(WorkOrder.class)
                .newInstance(() -> new WorkOrder(open, customers, numbers, deadlineManager));
        workOrder.execute(w -> w.openedFor(command.appointmentId(), booked.jobs(), jobs, parts, pricing));
        return new CheckedIn(command.workOrderId(), workOrder.version());
    }
}
