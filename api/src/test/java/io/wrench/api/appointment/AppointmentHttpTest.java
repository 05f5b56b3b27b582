package io.wrench.api.appointment;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Appointments end to end: booking, the calendar, availability, rescheduling, cancelling, check-in. */
class AppointmentHttpTest extends AppointmentTestSupport {

    @Test
    void a_booking_lasts_its_jobs_and_shows_in_the_days_and_weeks_calendar_per_bay_and_technician() {
        LocalDate day = freshTuesday();
        String customer = newCustomer(unique("Booker"));
        String tech = newTechnician(unique("tech"), "Booked Technician");
        String oneHour = job("1");
        String half = job("0.4");
        Api.Response booked = book(customer, day + "T09:00", "BAY-1", tech, oneHour, half.toLowerCase());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        JsonNode appointment = readAfter(booked, Role.TECHNICIAN, "/api/appointments/" + booked.id()).json();
        assertThat(appointment.get("status").asString()).isEqualTo("BOOKED");
        assertThat(appointment.get("start").asString()).isEqualTo(day + "T09:00:00Z");
        assertThat(appointment.get("end").asString()).isEqualTo(day + "T10:30:00Z"); // 1.4 h: six slots
        assertThat(appointment.get("jobs").get(1).asString()).isEqualTo(half);

        assertThat(ids(api.as(Role.ADVISOR).get("/api/appointments?day=" + day + "&bay=BAY-1"))).contains(booked.id());
        assertThat(ids(api.as(Role.ADVISOR).get("/api/appointments?day=" + day + "&bay=BAY-2"))).doesNotContain(booked.id());
        assertThat(ids(api.as(Role.ADVISOR).get("/api/appointments?week=" + day.plusDays(3) + "&technician=" + tech)))
                .containsExactly(booked.id());
        assertThat(ids(api.as(Role.ADVISOR).get("/api/appointments?day=" + day.plusDays(1) + "&technician=" + tech)))
                .isEmpty();
        assertThat(ids(api.as(Role.ADVISOR).get("/api/appointments?customerId=" + customer))).containsExactly(booked.id());
    }

    @Test
    void a_clash_with_the_bay_or_the_technician_is_a_409_naming_it_and_back_to_back_is_fine() {
        LocalDate day = freshTuesday();
        String tech = newTechnician(unique("tech"), "Booked Technician");
        String twoHours = job("2");
        assertThat(book(newCustomer(unique("A")), day + "T10:00", "BAY-2", tech, twoHours).status()).isEqualTo(201);

        Api.Response bay = book(newCustomer(unique("B")), day + "T11:00", "BAY-2", null, twoHours);
        assertThat(bay.status()).isEqualTo(409);
        assertThat(bay.json().get("detail").asString()).contains("bay BAY-2 is already booked");
        Api.Response technician = book(newCustomer(unique("C")), day + "T09:00", "BAY-3", tech, twoHours);
        assertThat(technician.status()).isEqualTo(409);
        assertThat(technician.json().get("detail").asString()).contains("technician " + tech);
        assertThat(book(newCustomer(unique("D")), day + "T12:00", "BAY-2", tech, twoHours).status()).isEqualTo(201);
    }

    @Test
    void opening_hours_bays_and_jobs_are_checked() {
        LocalDate day = freshTuesday();
        String customer = newCustomer(unique("Hours"));
        String twoHours = job("2");
        assertThat(book(customer, day + "T17:00", "BAY-1", null, twoHours).status()).isEqualTo(409);
        assertThat(book(customer, day.plusDays(5) + "T10:00", "BAY-1", null, twoHours).status()).isEqualTo(409); // Sunday
        assertThat(book(customer, day + "T10:00", "BAY-9", null, twoHours).status()).isEqualTo(409);
        assertThat(book(customer, day + "T10:00", "BAY-1", null, "NO-SUCH-JOB").status()).isEqualTo(409);
        assertThat(book(customer, day + "T10:05", "BAY-1", null, twoHours).status()).isEqualTo(400);
        assertThat(book(customer, "2020-01-07T10:00", "BAY-1", null, twoHours).status()).isEqualTo(400);
        assertThat(book(customer, "not a time", "BAY-1", null, twoHours).status()).isEqualTo(400);
        assertThat(api.as(Role.TECHNICIAN).post("/api/appointments", Map.of("customerId", customer,
                "jobs", List.of(twoHours), "start", day + "T10:00", "bay", "BAY-1")).status()).isEqualTo(403);
    }

    @Test
    void availability_leaves_out_booked_time_and_freed_time_comes_back() {
        LocalDate day = freshTuesday();
        String threeHours = job("3");
        Api.Response booked = book(newCustomer(unique("Avail")), day + "T08:00", "BAY-1", null, threeHours);
        assertThat(booked.status()).isEqualTo(201);

        List<String> free = freeStarts(readAfter(booked, Role.ADVISOR,
                "/api/appointments/availability?jobs=" + threeHours + "&from=" + day + "&to=" + day + "&bay=BAY-1"));
        // 3 h fits from 08:00 to 15:00 in a day of 08:00-18:00; the booking holds 08:00-11:00
        assertThat(free).first().isEqualTo(day + "T11:00:00Z");
        assertThat(free).last().isEqualTo(day + "T15:00:00Z");
        assertThat(free).hasSize(17);

        Api.Response cancelled = api.as(Role.ADVISOR).post("/api/appointments/" + booked.id() + "/cancel",
                Map.of("reason", "customer called"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(freeStarts(readAfter(cancelled, Role.ADVISOR, "/api/appointments/availability?jobs=" + threeHours
                + "&from=" + day + "&to=" + day + "&bay=BAY-1"))).first().isEqualTo(day + "T08:00:00Z");
        // and the bay can be booked again at once
        assertThat(book(newCustomer(unique("Again")), day + "T08:00", "BAY-1", null, threeHours).status()).isEqualTo(201);
    }

    @Test
    void rescheduling_moves_the_booking_and_frees_the_old_time() {
        LocalDate day = freshTuesday();
        String oneHour = job("1");
        Api.Response booked = book(newCustomer(unique("Move")), day + "T09:00", "BAY-3", null, oneHour);
        Api.Response moved = api.as(Role.ADVISOR).post("/api/appointments/" + booked.id() + "/reschedule",
                Map.of("start", day + "T14:00:00Z", "bay", "BAY-2"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode appointment = readAfter(moved, Role.ADVISOR, "/api/appointments/" + booked.id()).json();
        assertThat(appointment.get("status").asString()).isEqualTo("RESCHEDULED");
        assertThat(appointment.get("bay").asString()).isEqualTo("BAY-2");
        assertThat(book(newCustomer(unique("Old")), day + "T09:00", "BAY-3", null, oneHour).status()).isEqualTo(201);
    }

    @Test
    void checking_in_opens_the_work_order_with_the_jobs_applied_linked_both_ways() {
        LocalDate day = freshTuesday();
        String customer = newCustomer(unique("Arrives"));
        String pads = stockItem(10, "10.00");
        String code = unique("BRK").toUpperCase();
        assertThat(api.as(Role.MANAGER).post("/api/catalogue", Map.of("code", code, "name", "Brakes",
                "labourLines", List.of(Map.of("description", "pads", "hours", 1, "hourlyRate", 80)),
                "partLines", List.of(Map.of("itemId", pads, "quantity", 2)))).status()).isEqualTo(201);
        Api.Response booked = book(customer, day + "T09:00", "BAY-1", null, code);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        Api.Response checkedIn = api.as(Role.ADVISOR).post("/api/appointments/" + booked.id() + "/check-in", null);
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        String workOrder = checkedIn.json().get("workOrderId").asString();

        settle();
        JsonNode appointment = api.as(Role.ADVISOR).get("/api/appointments/" + booked.id()).json();
        assertThat(appointment.get("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(appointment.get("workOrderId").asString()).isEqualTo(workOrder);
        JsonNode detail = detail(workOrder);
        assertThat(detail.get("appointmentId").asString()).isEqualTo(booked.id());
        assertThat(detail.get("customer").get("id").asString()).isEqualTo(customer);
        assertThat(detail.get("jobs").get(0).get("serviceCode").asString()).isEqualTo(code);
        assertThat(detail.get("labourLines")).hasSize(1);
        assertThat(partStatuses(detail)).containsExactly("RESERVED");

        assertThat(api.as(Role.ADVISOR).post("/api/appointments/" + booked.id() + "/check-in", null).status())
                .isEqualTo(409);
        assertThat(api.as(Role.ADVISOR).post("/api/appointments/" + booked.id() + "/cancel",
                Map.of("reason", "too late")).status()).isEqualTo(409);
    }

    @Test
    void a_check_in_refused_leaves_no_work_order_behind() {
        LocalDate day = freshTuesday();
        String code = job("1");
        Api.Response booked = book(newCustomer(unique("Retired")), day + "T09:00", "BAY-2", null, code);
        assertThat(api.as(Role.MANAGER).post("/api/catalogue/" + code + "/retire", null).status()).isEqualTo(200);

        Api.Response refused = api.as(Role.ADVISOR).post("/api/appointments/" + booked.id() + "/check-in", null);
        assertThat(refused.status()).isEqualTo(409);
        settle();
        assertThat(api.as(Role.ADVISOR).get("/api/appointments/" + booked.id()).json().get("status").asString())
                .isEqualTo("BOOKED");
    }

    @Test
    void a_technician_sees_only_their_own_appointments_in_the_calendar() {
        LocalDate day = freshTuesday();
        String oneHour = job("1");
        Api.Response own = book(newCustomer(unique("Own")), day + "T09:00", "BAY-1", "technician-client", oneHour);
        Api.Response other = book(newCustomer(unique("Other")), day + "T09:00", "BAY-2",
                newTechnician(unique("tech"), "Other Technician"), oneHour);
        assertThat(List.of(own.status(), other.status())).containsOnly(201);
        readAfter(other, Role.ADVISOR, "/api/appointments/" + other.id());

        assertThat(ids(api.as(Role.TECHNICIAN).get("/api/appointments?day=" + day))).containsExactly(own.id());
        assertThat(ids(api.as(Role.ADVISOR).get("/api/appointments?day=" + day))).contains(own.id(), other.id());
    }

    @Test
    void a_technician_the_directory_does_not_know_is_not_booked() {
        Api.Response refused = book(newCustomer(unique("Nobody")), freshTuesday() + "T09:00", "BAY-1", "ted.technician",
                job("1"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/unknown-technician");
    }

    @Test
    void an_unknown_appointment_is_a_404() {
        String none = uuid();
        assertThat(api.as(Role.ADVISOR).get("/api/appointments/" + none).status()).isEqualTo(404);
        assertThat(api.as(Role.ADVISOR).post("/api/appointments/" + none + "/check-in", null).status()).isEqualTo(404);
        assertThat(api.as(Role.ADVISOR).post("/api/appointments/" + none + "/cancel", Map.of("reason", "x")).status())
                .isEqualTo(404);
    }

    private static List<String> ids(Api.Response calendar) {
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        calendar.json().get("appointments").forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }

    private static List<String> freeStarts(Api.Response availability) {
        assertThat(availability.status()).as(availability.toString()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        availability.json().get("slots").forEach(s -> starts.add(s.get("start").asString()));
        return starts;
    }
}
