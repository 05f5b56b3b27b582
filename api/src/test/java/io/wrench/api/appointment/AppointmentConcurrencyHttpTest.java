package io.wrench.api.appointment;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No bay and no technician is double-booked, also when the bookings race: the registry's primary key
 * (cmd_booking_slot) refuses every booking but one, in the command's transaction.
 */
class AppointmentConcurrencyHttpTest extends AppointmentTestSupport {

    private static final int RACERS = 12;

    @Test
    void of_many_racing_bookings_for_one_slot_exactly_one_wins_and_the_others_are_409_naming_the_clash() throws Exception {
        LocalDate day = freshTuesday();
        String job = job("1");
        String tech = newTechnician(unique("tech"), "Booked Technician");
        List<Callable<Api.Response>> bookings = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String customer = newCustomer(unique("Racer"));
            // half race for BAY-1 at 10:00, half for BAY-3 at 10:15, all with the same technician
            String start = i % 2 == 0 ? day + "T10:00" : day + "T10:15";
            String bay = i % 2 == 0 ? "BAY-1" : "BAY-3";
            bookings.add(() -> book(customer, start, bay, tech, job));
        }

        List<Api.Response> done = race(bookings);

        assertThat(done).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(done).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(done).filteredOn(r -> r.status() == 409).allSatisfy(r ->
                assertThat(r.json().get("detail").asString()).containsAnyOf("bay BAY-1", "bay BAY-3", "technician " + tech));
        settle();
        assertThat(api.as(Role.ADVISOR).get("/api/appointments?day=" + day + "&technician=" + tech).json()
                .get("appointments")).hasSize(1);
    }

    @Test
    void racing_bookings_for_one_bay_without_a_technician_leave_one_booking() throws Exception {
        LocalDate day = freshTuesday();
        String job = job("2");
        List<Callable<Api.Response>> bookings = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String customer = newCustomer(unique("BayRacer"));
            bookings.add(() -> book(customer, day + "T13:00", "BAY-3", null, job));
        }

        List<Api.Response> done = race(bookings);

        assertThat(done).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(done).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(done).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.json().get("detail").asString()).contains("bay BAY-3"));
    }

    /** Sends every request at once (released together by a latch) and collects the answers. */
    private List<Api.Response> race(List<Callable<Api.Response>> requests) throws Exception {
        api.token(Role.ADVISOR);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (Callable<Api.Response> request : requests) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<Api.Response> done = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                done.add(answer.get(120, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }
}
