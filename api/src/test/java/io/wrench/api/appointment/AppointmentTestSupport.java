package io.wrench.api.appointment;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.workorder.WorkOrderTestSupport;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Appointments in the HTTP tests: each test books on a Tuesday of its own, far enough ahead. */
abstract class AppointmentTestSupport extends WorkOrderTestSupport {

    private static final LocalDate FIRST = LocalDate.now().plusDays(60 + ThreadLocalRandom.current().nextInt(300))
            .with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    private static final AtomicInteger WEEKS = new AtomicInteger();

    /** A Tuesday no other test of this run books on. */
    protected static LocalDate freshTuesday() {
        return FIRST.plusWeeks(WEEKS.getAndIncrement());
    }

    /** A catalogue entry of {@code hours} labour; its code. */
    protected String job(String hours) {
        String code = unique("APT").toUpperCase();
        Api.Response created = api.as(Role.MANAGER).post("/api/catalogue", Map.of("code", code, "name", "Job " + code,
                "labourLines", List.of(Map.of("description", "work", "hours", new java.math.BigDecimal(hours), "hourlyRate", 60))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    protected Api.Response book(String customerId, String start, String bay, String technician, String... jobs) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customerId, "jobs", List.of(jobs),
                "start", start, "bay", bay));
        if (technician != null) {
            body.put("technician", technician);
        }
        return api.as(Role.ADVISOR).post("/api/appointments", body);
    }
}
