package io.wrench.api.appointment;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Replaying the appointment and catalogue projections answers exactly what they answered before. */
class AppointmentRebuildHttpTest extends AppointmentTestSupport {

    @Autowired
    ProjectionAdmin admin;

    @Test
    void a_replay_rebuilds_the_calendar_and_the_catalogue_exactly() throws InterruptedException {
        LocalDate day = freshTuesday();
        String code = job("1.5");
        api.as(Role.MANAGER).patch("/api/catalogue/" + code, Map.of("name", "Renamed " + code));
        Api.Response kept = book(newCustomer(unique("Kept")), day + "T09:00", "BAY-1", null, code);
        Api.Response moved = book(newCustomer(unique("Moved")), day + "T09:00", "BAY-2", null, code);
        api.as(Role.ADVISOR).post("/api/appointments/" + moved.id() + "/reschedule", Map.of("start", day + "T13:00"));
        Api.Response gone = book(newCustomer(unique("Gone")), day + "T09:00", "BAY-3", null, code);
        Api.Response last = api.as(Role.ADVISOR).post("/api/appointments/" + gone.id() + "/cancel", Map.of("reason", "ill"));
        assertThat(List.of(kept.status(), moved.status(), gone.status(), last.status())).containsOnly(201, 200);

        String calendar = readAfter(last, Role.ANALYST, "/api/appointments?day=" + day).body();
        String entry = api.as(Role.ANALYST).get("/api/catalogue/" + code).body();
        String list = api.as(Role.ANALYST).get("/api/catalogue?search=" + code).body();

        Rebuilds.rebuildAndWait(admin, "appointment-projection");
        Rebuilds.rebuildAndWait(admin, "catalogue-projection");

        assertThat(api.as(Role.ANALYST).get("/api/appointments?day=" + day).body()).isEqualTo(calendar);
        assertThat(api.as(Role.ANALYST).get("/api/catalogue/" + code).body()).isEqualTo(entry);
        assertThat(api.as(Role.ANALYST).get("/api/catalogue?search=" + code).body()).isEqualTo(list);
    }
}
