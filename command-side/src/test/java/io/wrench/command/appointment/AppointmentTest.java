package io.wrench.command.appointment;

import io.wrench.command.technician.TechnicianDirectory;

import io.wrench.command.appointment.messages.BookAppointment;
import io.wrench.command.appointment.messages.CancelAppointment;
import io.wrench.command.appointment.messages.RescheduleAppointment;
import io.wrench.command.catalogue.FakeServiceCatalogue;
import io.wrench.command.catalogue.ServiceCatalogue;
import io.wrench.command.workorder.CustomerEligibility;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.appointment.AppointmentBooked;
import io.wrench.shared.appointment.AppointmentCancelled;
import io.wrench.shared.appointment.AppointmentCheckedIn;
import io.wrench.shared.appointment.AppointmentId;
import io.wrench.shared.appointment.AppointmentMissed;
import io.wrench.shared.appointment.AppointmentRescheduled;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The appointment's rules, one test per rule; the race between bookings is AppointmentConcurrencyHttpTest's. */
class AppointmentTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ShopHours SHOP = new ShopHours(LONDON, List.of("B1", "B2"), LocalTime.of(8, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
    private static final AppointmentId APPOINTMENT = AppointmentId.of("00000000-0000-0000-0000-0000000ab001");
    private static final AppointmentId OTHER = AppointmentId.of("00000000-0000-0000-0000-0000000ab002");
    private static final CustomerId CUSTOMER = CustomerId.of("00000000-0000-0000-0000-00000000c001");
    private static final AssetId VAN = AssetId.of("00000000-0000-0000-0000-00000000e001");
    /** Tuesday 2 March 2027, 09:00 in London (GMT). */
    private static final Instant TUESDAY_9 = Instant.parse("2027-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    /** What the fake registry holds: resource -> [start, end) of the other appointment. */
    private final Map<String, Instant[]> held = new HashMap<>();
    private AggregateTestFixture<Appointment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appointment.class);
        fixture.registerInjectableResource((CustomerEligibility) (customer, asset) -> { });
        fixture.registerInjectableResource(SHOP);
        fixture.registerInjectableResource((TechnicianDirectory) userId -> switch (userId) {
            case "ann" -> Optional.of(new TechnicianDirectory.Entry("ann", "Ann", true));
            case "gone" -> Optional.of(new TechnicianDirectory.Entry("gone", "Gone", false));
            default -> Optional.empty();
        });
        fixture.registerInjectableResource((BookingRegistry) (resource, start, end, except) -> {
            Instant[] other = held.get(resource);
            return other != null && start.isBefore(other[1]) && other[0].isBefore(end)
                    ? Optional.of(OTHER) : Optional.empty();
        });
        fixture.registerInjectableResource(new FakeServiceCatalogue()
                .with(new ServiceCatalogue.Entry("BRAKES", 1, "Brakes", false,
                        List.of(new ServiceLabour("pads", new BigDecimal("1.5"), BigDecimal.TEN)), List.of(), null))
                .with(new ServiceCatalogue.Entry("CHECK", 1, "Quick check", false,
                        List.of(new ServiceLabour("look", new BigDecimal("0.2"), BigDecimal.TEN)), List.of(), null))
                .with(new ServiceCatalogue.Entry("OLD", 3, "Old", true, List.of(), List.of(), BigDecimal.ONE)));
    }

    private static BookAppointment book(Instant start, String bay, String technician, String... jobs) {
        return new BookAppointment(APPOINTMENT, CUSTOMER, VAN, List.of(jobs), start, bay, technician, NOW);
    }

    private static AppointmentBooked booked() {
        return new AppointmentBooked(APPOINTMENT, CUSTOMER, VAN, List.of("BRAKES", "CHECK"), TUESDAY_9,
                TUESDAY_9.plus(Duration.ofMinutes(105)), "B1", "ann");
    }

    private static Matcher<Object> violation(ErrorCode code, String text) {
        return new CustomTypeSafeMatcher<>("an appointment rule violation " + code + " saying " + text) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof io.wrench.command.RuleViolation v && v.code() == code && v.getMessage().contains(text);
            }
        };
    }

    @Test
    void a_booking_lasts_the_jobs_hours_in_whole_slots_and_holds_the_codes_as_the_catalogue_spells_them() {
        // 1.5 h + 0.2 h = 102 minutes: seven 15-minute slots
        fixture.givenNoPriorActivity()
                .when(book(TUESDAY_9, "B1", "ann", "brakes", "check"))
                .expectEvents(booked());
    }

    @Test
    void a_bay_booked_by_another_appointment_is_a_clash_that_names_it() {
        held.put("bay B1", new Instant[]{TUESDAY_9.plus(Duration.ofHours(1)), TUESDAY_9.plus(Duration.ofHours(2))});
        fixture.givenNoPriorActivity()
                .when(book(TUESDAY_9, "B1", null, "BRAKES"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.APPOINTMENT_CLASH, "bay B1 is already booked between 2027-03-02 09:00"));
    }

    @Test
    void only_a_technician_of_the_directory_who_is_active_is_booked() {
        fixture.givenNoPriorActivity()
                .when(book(TUESDAY_9, "B1", "Ann from the front desk", "CHECK"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.UNKNOWN_TECHNICIAN, "Ann from the front desk"));
    }

    @Test
    void an_inactive_technician_is_not_booked() {
        fixture.givenNoPriorActivity()
                .when(book(TUESDAY_9, "B1", "gone", "CHECK"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.TECHNICIAN_INACTIVE, "gone"));
    }

    @Test
    void a_technician_booked_in_another_bay_is_a_clash_too() {
        held.put("technician ann", new Instant[]{TUESDAY_9, TUESDAY_9.plus(Duration.ofMinutes(15))});
        fixture.givenNoPriorActivity()
                .when(book(TUESDAY_9, "B2", "ann", "CHECK"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.APPOINTMENT_CLASH, "technician ann"));
    }

    @Test
    void back_to_back_bookings_do_not_clash() {
        held.put("bay B1", new Instant[]{TUESDAY_9.minus(Duration.ofHours(1)), TUESDAY_9});
        fixture.givenNoPriorActivity()
                .when(book(TUESDAY_9, "B1", null, "CHECK"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_time_outside_the_opening_hours_is_refused() {
        fixture.givenNoPriorActivity()
                .when(book(Instant.parse("2027-03-02T17:00:00Z"), "B1", null, "BRAKES")) // ends 18:30
                .expectNoEvents()
                .expectException(violation(ErrorCode.OUTSIDE_OPENING_HOURS, "2027-03-02 18:30"));
        fixture.givenNoPriorActivity()
                .when(book(Instant.parse("2027-03-07T10:00:00Z"), "B1", null, "CHECK")) // a Sunday
                .expectNoEvents()
                .expectException(violation(ErrorCode.OUTSIDE_OPENING_HOURS, "outside the opening hours"));
    }

    @Test
    void opening_hours_are_the_shops_wall_clock_across_a_daylight_saving_change() {
        // Europe/London moves to BST on Sunday 28 March 2027: 08:00 is 08:00Z on the Saturday, 07:00Z on the Monday
        fixture.givenNoPriorActivity()
                .when(book(Instant.parse("2027-03-27T07:00:00Z"), "B1", null, "CHECK"))
                .expectException(violation(ErrorCode.OUTSIDE_OPENING_HOURS, "2027-03-27 07:00"));
        fixture.givenNoPriorActivity()
                .when(book(Instant.parse("2027-03-29T07:00:00Z"), "B1", null, "CHECK"))
                .expectSuccessfulHandlerExecution();
        assertThat(SHOP.starts(LocalDate.of(2027, 3, 27), Duration.ofMinutes(15)).get(0))
                .isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
        assertThat(SHOP.starts(LocalDate.of(2027, 3, 29), Duration.ofMinutes(15)).get(0))
                .isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(SHOP.starts(LocalDate.of(2027, 3, 28), Duration.ofMinutes(15))).isEmpty();
        assertThat(Duration.between(SHOP.startOf(LocalDate.of(2027, 3, 28)), SHOP.startOf(LocalDate.of(2027, 3, 29))))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void an_unknown_bay_a_retired_or_unknown_job_and_a_start_off_the_grid_or_in_the_past_are_refused() {
        fixture.givenNoPriorActivity().when(book(TUESDAY_9, "B9", null, "CHECK"))
                .expectException(violation(ErrorCode.UNKNOWN_BAY, "no bay B9"));
        fixture.givenNoPriorActivity().when(book(TUESDAY_9, "B1", null, "OLD"))
                .expectException(violation(ErrorCode.SERVICE_RETIRED, "OLD is retired"));
        fixture.givenNoPriorActivity().when(book(TUESDAY_9, "B1", null, "NOPE"))
                .expectException(violation(ErrorCode.UNKNOWN_SERVICE, "NOPE"));
        fixture.givenNoPriorActivity().when(book(TUESDAY_9.plusSeconds(600), "B1", null, "CHECK"))
                .expectException(violation(ErrorCode.INVALID_INPUT, "15-minute boundary"));
        fixture.givenNoPriorActivity().when(book(NOW.minus(Duration.ofDays(1)), "B1", null, "CHECK"))
                .expectException(violation(ErrorCode.INVALID_INPUT, "not in the future"));
    }

    @Test
    void booking_schedules_the_no_show_at_the_end_of_the_booked_time() {
        fixture.givenNoPriorActivity()
                .when(book(TUESDAY_9, "B1", "ann", "BRAKES", "CHECK"))
                .expectScheduledDeadlineWithName(TUESDAY_9.plus(Duration.ofMinutes(105)), NoShowDeadline.NAME);
    }

    @Test
    void an_appointment_not_checked_in_when_its_time_has_passed_is_a_no_show() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(book(TUESDAY_9, "B1", "ann", "BRAKES", "CHECK"))
                .whenTimeAdvancesTo(TUESDAY_9.plus(Duration.ofMinutes(105)))
                .expectTriggeredDeadlinesWithName(NoShowDeadline.NAME)
                .expectEvents(new AppointmentMissed(APPOINTMENT, TUESDAY_9));
    }

    @Test
    void a_checked_in_appointment_is_never_a_no_show() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(book(TUESDAY_9, "B1", "ann", "BRAKES", "CHECK"))
                .andGiven(new AppointmentCheckedIn(APPOINTMENT, WorkOrderId.random()))
                .whenTimeAdvancesTo(TUESDAY_9.plus(Duration.ofHours(3)))
                .expectNoEvents();
    }

    @Test
    void rescheduling_moves_the_time_and_the_no_show() {
        Instant wednesday = TUESDAY_9.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(book(TUESDAY_9, "B1", "ann", "BRAKES", "CHECK"))
                .when(new RescheduleAppointment(APPOINTMENT, wednesday, "B2", NOW, null))
                .expectEvents(new AppointmentRescheduled(APPOINTMENT, wednesday, wednesday.plus(Duration.ofMinutes(105)),
                        "B2", "ann"))
                .expectScheduledDeadlineWithName(wednesday.plus(Duration.ofMinutes(105)), NoShowDeadline.NAME);
    }

    @Test
    void rescheduling_onto_a_booked_time_is_a_clash() {
        held.put("bay B1", new Instant[]{TUESDAY_9.plus(Duration.ofDays(1)), TUESDAY_9.plus(Duration.ofDays(1)).plusSeconds(900)});
        fixture.given(booked())
                .when(new RescheduleAppointment(APPOINTMENT, TUESDAY_9.plus(Duration.ofDays(1)), null, NOW, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.APPOINTMENT_CLASH, "bay B1"));
    }

    @Test
    void cancelling_frees_the_no_show_and_a_cancelled_appointment_is_not_changed_again() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(book(TUESDAY_9, "B1", "ann", "BRAKES", "CHECK"))
                .when(new CancelAppointment(APPOINTMENT, "customer called", null))
                .expectEvents(new AppointmentCancelled(APPOINTMENT, "customer called"))
                .expectNoScheduledDeadlines();
        fixture.given(booked(), new AppointmentCancelled(APPOINTMENT, "x"))
                .when(new RescheduleAppointment(APPOINTMENT, TUESDAY_9.plus(Duration.ofDays(1)), null, NOW, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.ILLEGAL_STATE, "CANCELLED"));
        fixture.given(booked(), new AppointmentMissed(APPOINTMENT, TUESDAY_9))
                .when(new CancelAppointment(APPOINTMENT, "late", null))
                .expectException(violation(ErrorCode.ILLEGAL_STATE, "NO_SHOW"));
    }
}
