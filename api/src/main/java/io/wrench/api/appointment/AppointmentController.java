package io.wrench.api.appointment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.Queries;
import io.wrench.api.web.RequestMetadata;
import io.wrench.command.appointment.ShopHours;
import io.wrench.command.appointment.messages.BookAppointment;
import io.wrench.command.appointment.messages.CancelAppointment;
import io.wrench.command.appointment.messages.CheckInAppointment;
import io.wrench.command.appointment.messages.CheckedIn;
import io.wrench.command.appointment.messages.RescheduleAppointment;
import io.wrench.query.appointment.messages.AppointmentCalendar;
import io.wrench.query.appointment.messages.AppointmentView;
import io.wrench.query.appointment.messages.FindAppointment;
import io.wrench.query.appointment.messages.FindAppointments;
import io.wrench.query.catalogue.messages.FindServiceEntry;
import io.wrench.query.catalogue.messages.ServiceEntryView;
import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.appointment.AppointmentStatus;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.WorkOrderId;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/appointments", produces = "application/json")
@Tag(name = "Appointments", description = "Bookings of a bay (and a technician) for a customer's jobs; the calendar")
class AppointmentController {

    /** The statuses that hold their time. */
    private static final Set<AppointmentStatus> HOLDING = EnumSet.of(AppointmentStatus.BOOKED,
            AppointmentStatus.RESCHEDULED, AppointmentStatus.CHECKED_IN);
    private static final int MAX_AVAILABILITY_DAYS = 14;
    /** How far ahead a customer's upcoming appointments are listed. */
    static final Duration UPCOMING = Duration.ofDays(3 * 366);

    private final CommandResponses commands;
    private final Queries queries;
    private final ShopHours shop;
    private final Clock clock;

    AppointmentController(CommandResponses commands, Queries queries, ShopHours shop, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.shop = shop;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Book a bay (and a technician) for the jobs; 409 when the bay or technician is taken, outside the opening hours, unknown bay or job")
    ResponseEntity<CommandAnswers.Created> book(@Valid @RequestBody AppointmentRequests.BookAppointment body) {
        AppointmentId id = AppointmentId.random();
        return commands.created(new BookAppointment(id, new CustomerId(body.customerId()),
                body.assetId() == null ? null : new AssetId(body.assetId()), body.jobs(), instant("start", body.start()),
                body.bay(), body.technician(), clock.instant()), id);
    }

    @GetMapping
    @Operation(summary = "The calendar: a day (default today) or a week (Monday to Sunday), per bay or technician; with customerId alone, the customer's upcoming appointments")
    AppointmentCalendar list(@RequestParam(required = false) LocalDate day,
                             @RequestParam(required = false) LocalDate week,
                             @RequestParam(required = false) String bay,
                             @RequestParam(required = false) String technician,
                             @RequestParam(required = false) UUID customerId) {
        if (day != null && week != null) {
            throw new FieldValidationException("week", "give day or week, not both");
        }
        String who = onlyTheirOwn() ? RequestMetadata.currentUser() : blankToNull(technician);
        Instant from;
        Instant to;
        Set<AppointmentStatus> statuses = Set.of();
        if (week != null) {
            LocalDate monday = week.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            from = shop.startOf(monday);
            to = shop.startOf(monday.plusWeeks(1));
        } else if (day != null || customerId == null) {
            LocalDate date = day != null ? day : LocalDate.now(clock.withZone(shop.zone()));
            from = shop.startOf(date);
            to = shop.startOf(date.plusDays(1));
        } else {
            from = clock.instant();
            to = from.plus(UPCOMING);
            statuses = EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED);
        }
        return queries.one(new FindAppointments(from, to, blankToNull(bay), who,
                customerId == null ? null : new CustomerId(customerId), statuses), AppointmentCalendar.class);
    }

    @GetMapping("/availability")
    @Operation(summary = "Free starts for a set of jobs (catalogue codes) per bay, from one day to another (inclusive, at most 14 days)")
    AppointmentAnswers.Availability availability(@RequestParam List<String> jobs,
                                                 @RequestParam LocalDate from,
                                                 @RequestParam LocalDate to,
                                                 @RequestParam(required = false) String bay,
                                                 @RequestParam(required = false) String technician) {
        if (to.isBefore(from) || from.plusDays(MAX_AVAILABILITY_DAYS - 1).isBefore(to)) {
            throw new FieldValidationException("to", "must be from " + from + " to " + MAX_AVAILABILITY_DAYS + " days later");
        }
        List<String> codes = new ArrayList<>();
        BigDecimal hours = BigDecimal.ZERO;
        for (String code : jobs.stream().flatMap(j -> java.util.Arrays.stream(j.split(","))).map(String::trim)
                .filter(j -> !j.isEmpty()).toList()) {
            ServiceEntryView entry = code.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
                    ? queries.optional(new FindServiceEntry(code), ServiceEntryView.class).orElse(null) : null;
            if (entry == null || entry.retired()) {
                throw new FieldValidationException("jobs", "no active catalogue entry " + code);
            }
            codes.add(entry.code());
            hours = hours.add(entry.hours());
        }
        if (codes.isEmpty()) {
            throw new FieldValidationException("jobs", "name at least one catalogue code");
        }
        Duration length = ShopHours.lengthOf(hours);
        List<AppointmentView> taken = queries.one(new FindAppointments(shop.startOf(from), shop.startOf(to.plusDays(1)),
                null, null, null, HOLDING), AppointmentCalendar.class).appointments();
        String who = blankToNull(technician);
        Instant now = clock.instant();
        List<AppointmentAnswers.FreeSlot> free = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (Instant start : shop.starts(date, length)) {
                Instant end = start.plus(length);
                if (!start.isAfter(now) || who != null && overlaps(taken, a -> who.equals(a.technician()), start, end)) {
                    continue;
                }
                for (String b : shop.bays()) {
                    if ((bay == null || bay.equals(b)) && !overlaps(taken, a -> b.equals(a.bay()), start, end)) {
                        free.add(new AppointmentAnswers.FreeSlot(b, start, end));
                    }
                }
            }
        }
        return new AppointmentAnswers.Availability(codes, length.toMinutes(), free);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An appointment; ETag is the version")
    ResponseEntity<AppointmentView> get(@PathVariable UUID id) {
        return queries.detail(new FindAppointment(new AppointmentId(id)), AppointmentView.class, AppointmentView::version,
                "appointment with id " + id);
    }

    @PostMapping(path = "/{id}/reschedule", consumes = "application/json")
    @Operation(summary = "Move to another start (and bay); the same rules as booking")
    ResponseEntity<CommandAnswers.Versioned> reschedule(@PathVariable UUID id,
                                                        @Valid @RequestBody AppointmentRequests.RescheduleAppointment body) {
        Instant start = instant("start", body.start());
        return commands.action(version -> new RescheduleAppointment(new AppointmentId(id), start, body.bay(),
                clock.instant(), version));
    }

    @PostMapping(path = "/{id}/cancel", consumes = "application/json")
    @Operation(summary = "Cancel, with a reason; the time is free again")
    ResponseEntity<CommandAnswers.Versioned> cancel(@PathVariable UUID id,
                                                    @Valid @RequestBody AppointmentRequests.CancelAppointment body) {
        return commands.action(version -> new CancelAppointment(new AppointmentId(id), body.reason(), version));
    }

    @PostMapping("/{id}/check-in")
    @Operation(summary = "The customer arrived: opens the work order with the appointment's jobs applied (both in one commit)")
    ResponseEntity<AppointmentAnswers.CheckedIn> checkIn(@PathVariable UUID id) {
        WorkOrderId workOrder = WorkOrderId.random();
        return commands.answered(new CheckInAppointment(new AppointmentId(id), workOrder,
                        LocalDate.now(clock.withZone(shop.zone()))),
                answer -> new AppointmentAnswers.CheckedIn(((CheckedIn) answer).workOrderId().value(),
                        ((CheckedIn) answer).version()),
                AppointmentAnswers.CheckedIn::version);
    }

    private static boolean overlaps(List<AppointmentView> taken, java.util.function.Predicate<AppointmentView> whose,
                                    Instant start, Instant end) {
        return taken.stream().anyMatch(a -> whose.test(a) && a.start().isBefore(end) && start.isBefore(a.end()));
    }

    /** An instant with an offset as it is; a wall-clock time in the shop's time zone. */
    private Instant instant(String field, String text) {
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(shop.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(field, "is not a valid time: " + text);
        }
    }

    /** A caller who is only a technician sees only their own appointments. */
    private static boolean onlyTheirOwn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).toList();
        return roles.equals(List.of("ROLE_TECHNICIAN"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
