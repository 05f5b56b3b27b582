package io.wrench.command.appointment;

import io.wrench.command.technician.TechnicianDirectory;

import io.wrench.command.appointment.messages.BookAppointment;
import io.wrench.command.appointment.messages.CancelAppointment;
import io.wrench.command.appointment.messages.RescheduleAppointment;
import io.wrench.command.catalogue.ServiceCatalogue;
import io.wrench.command.workorder.CustomerEligibility;
import io.wrench.shared.appointment.AppointmentBooked;
import io.wrench.shared.appointment.AppointmentCancelled;
import io.wrench.shared.appointment.AppointmentCheckedIn;
import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.appointment.AppointmentMissed;
import io.wrench.shared.appointment.AppointmentRescheduled;
import io.wrench.shared.appointment.AppointmentStatus;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.wrench.command.appointment.AppointmentRuleViolation.INPUT;
import static io.wrench.shared.ErrorCode.APPOINTMENT_CLASH;
import static io.wrench.shared.ErrorCode.ILLEGAL_STATE;
import static io.wrench.shared.ErrorCode.SERVICE_RETIRED;
import static io.wrench.shared.ErrorCode.UNKNOWN_SERVICE;
import static io.wrench.shared.appointment.AppointmentStatus.BOOKED;
import static io.wrench.shared.appointment.AppointmentStatus.CANCELLED;
import static io.wrench.shared.appointment.AppointmentStatus.CHECKED_IN;
import static io.wrench.shared.appointment.AppointmentStatus.NO_SHOW;
import static io.wrench.shared.appointment.AppointmentStatus.RESCHEDULED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An appointment from booking to check-in, cancellation or no-show. Public only so that checking in
 * ({@code io.wrench.command.workorder.AppointmentCheckIn}) can record it together with the work order
 * it opens; the lookups arrive as handler parameters (Spring beans at runtime), the clock with the commands.
 */
@Aggregate
public class Appointment {

    @AggregateIdentifier
    private AppointmentId id;
    private AppointmentStatus status;
    private CustomerId customerId;
    private AssetId assetId;
    private List<String> jobs;
    private Instant start;
    private Duration length;
    private String bay;
    private String technician;

    protected Appointment() {
    }

    @CommandHandler
    Appointment(BookAppointment command, CustomerEligibility customers, ServiceCatalogue catalogue, ShopHours shop,
                BookingRegistry bookings, DeadlineManager deadlines, TechnicianDirectory directory) {
        INPUT.required("customerId", command.customerId());
        List<String> codes = INPUT.required("jobs", command.jobs());
        if (codes.isEmpty()) {
            throw INPUT.invalid("jobs must name at least one catalogue code");
        }
        String bay = INPUT.text("bay", command.bay()).trim();
        String technician = command.technician() == null ? null
                : directory.assignable(INPUT.text("technician", command.technician()).trim()).userId();
        customers.check(command.customerId(), command.assetId());
        List<String> jobs = new ArrayList<>();
        Duration length = ShopHours.lengthOf(hours(codes, catalogue, jobs));
        Instant start = checkedTime(command.appointmentId(), command.start(), command.now(), length, bay, technician,
                shop, bookings);
        apply(new AppointmentBooked(command.appointmentId(), command.customerId(), command.assetId(), List.copyOf(jobs),
                start, start.plus(length), bay, technician));
        deadlines.schedule(start.plus(length), NoShowDeadline.NAME);
    }

    @CommandHandler
    void handle(RescheduleAppointment command, ShopHours shop, BookingRegistry bookings, DeadlineManager deadlines) {
        requireBooked("reschedule");
        String newBay = command.bay() == null ? bay : INPUT.text("bay", command.bay()).trim();
        Instant newStart = checkedTime(id, command.start(), command.now(), length, newBay, technician, shop, bookings);
        if (newStart.equals(start) && newBay.equals(bay)) {
            return; // the same time and bay: nothing to record
        }
        apply(new AppointmentRescheduled(id, newStart, newStart.plus(length), newBay, technician));
        NoShowDeadline.schedule(deadlines, newStart.plus(length));
    }

    @CommandHandler
    void handle(CancelAppointment command, DeadlineManager deadlines) {
        requireBooked("cancel");
        apply(new AppointmentCancelled(id, INPUT.text("reason", command.reason()).trim()));
        NoShowDeadline.cancel(deadlines);
    }

    /** What the work order opened by a check-in is made of. */
    public record CheckIn(CustomerId customerId, AssetId assetId, List<String> jobs) {
    }

    /** Checks the appointment in for {@code workOrderId}; only a booked (or rescheduled) one can be. */
    public CheckIn checkIn(WorkOrderId workOrderId, DeadlineManager deadlines) {
        requireBooked("check in");
        apply(new AppointmentCheckedIn(id, INPUT.required("workOrderId", workOrderId)));
        NoShowDeadline.cancel(deadlines);
        return new CheckIn(customerId, assetId, jobs);
    }

    @DeadlineHandler(deadlineName = NoShowDeadline.NAME)
    void missed() {
        if (status == BOOKED || status == RESCHEDULED) {
            apply(new AppointmentMissed(id, start));
        }
    }

    private void requireBooked(String action) {
        if (status != BOOKED && status != RESCHEDULED) {
            throw new AppointmentRuleViolation(ILLEGAL_STATE, "cannot " + action + " an appointment that is " + status);
        }
    }

    /** The jobs' hours; every code must name an active catalogue entry. Collects the codes as the catalogue spells them. */
    private static BigDecimal hours(List<String> codes, ServiceCatalogue catalogue, List<String> jobs) {
        BigDecimal hours = BigDecimal.ZERO;
        for (String code : codes) {
            ServiceCatalogue.Entry entry = catalogue.find(INPUT.text("jobs[]", code)).orElseThrow(
                    () -> new AppointmentRuleViolation(UNKNOWN_SERVICE, "no catalogue entry " + code.trim()));
            if (entry.retired()) {
                throw new AppointmentRuleViolation(SERVICE_RETIRED, "catalogue entry " + entry.code() + " is retired");
            }
            jobs.add(entry.code());
            hours = hours.add(entry.hours());
        }
        return hours;
    }

    /**
     * The rules of a booked time, the same for booking and rescheduling: not in the past, a bay of the
     * shop, within the opening hours, and neither the bay nor the technician held by another appointment.
     */
    private static Instant checkedTime(AppointmentId self, Instant start, Instant now, Duration length, String bay,
                                       String technician, ShopHours shop, BookingRegistry bookings) {
        INPUT.required("start", start);
        if (!start.isAfter(INPUT.required("now", now))) {
            throw INPUT.invalid("start " + shop.shown(start) + " is not in the future");
        }
        shop.check(bay, start, length);
        Instant end = start.plus(length);
        clash(self, BookingRegistry.bay(bay), start, end, shop, bookings);
        if (technician != null) {
            clash(self, BookingRegistry.technician(technician), start, end, shop, bookings);
        }
        return start;
    }

    private static void clash(AppointmentId self, String resource, Instant start, Instant end, ShopHours shop,
                              BookingRegistry bookings) {
        bookings.holder(resource, start, end, self).ifPresent(other -> {
            throw new AppointmentRuleViolation(APPOINTMENT_CLASH, resource + " is already booked between "
                    + shop.shown(start) + " and " + shop.shown(end) + " (appointment " + other + ")");
        });
    }

    @EventSourcingHandler
    void on(AppointmentBooked event) {
        id = event.appointmentId();
        status = BOOKED;
        customerId = event.customerId();
        assetId = event.assetId();
        jobs = event.jobs();
        start = event.start();
        length = Duration.between(event.start(), event.end());
        bay = event.bay();
        technician = event.technician();
    }

    @EventSourcingHandler
    void on(AppointmentRescheduled event) {
        status = RESCHEDULED;
        start = event.start();
        bay = event.bay();
    }

    @EventSourcingHandler void on(AppointmentCancelled event) { status = CANCELLED; }
    @EventSourcingHandler void on(AppointmentCheckedIn event) { status = CHECKED_IN; }
    @EventSourcingHandler void on(AppointmentMissed event) { status = NO_SHOW; }
}
