package io.wrench.api.technician;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.workorder.WorkOrderTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technician directory end to end: the embedded default's demo technician out of the box, register,
 * rename, deactivate; assign only by a known, active user id; and one id per person across assignment,
 * scans, inspections, the list's filter ({@code technician=me}) and the dashboard's workload.
 */
class TechnicianHttpTest extends WorkOrderTestSupport {

    private static final String DEMO = "technician-client";

    @Test
    void the_embedded_default_s_demo_technician_is_in_the_directory_and_assignable_out_of_the_box() {
        Api.Response demo = api.as(Role.ADVISOR).get("/api/technicians/" + DEMO);
        assertThat(demo.status()).as(demo.toString()).isEqualTo(200);
        assertThat(demo.json().get("displayName").asString()).isEqualTo("Demo Technician");
        assertThat(demo.json().get("active").asBoolean()).isTrue();
        assertThat(api.as(Role.TECHNICIAN).get("/api/technicians/me").json().get("userId").asString()).isEqualTo(DEMO);

        String id = newWorkOrder();
        assertThat(action(Role.MANAGER, id, "assign", Map.of("technician", DEMO)).status()).isEqualTo(200);
        JsonNode detail = detail(id);
        assertThat(detail.get("technician").asString()).isEqualTo(DEMO);
        assertThat(detail.get("technicianName").asString()).isEqualTo("Demo Technician");
    }

    @Test
    void a_manager_registers_renames_deactivates_and_reactivates_a_technician() {
        String userId = unique("3f6c1c2e");
        Api.Response registered = api.as(Role.MANAGER).put("/api/technicians/" + userId, Map.of("displayName", "Ted Technician"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("version").asLong()).isZero();

        Api.Response same = api.as(Role.MANAGER).put("/api/technicians/" + userId, Map.of("displayName", "Ted Technician"));
        assertThat(same.json().get("version").asLong()).as("the same name again records nothing").isZero();
        Api.Response renamed = api.as(Role.ADMIN).put("/api/technicians/" + userId, Map.of("displayName", "Ted T."));
        assertThat(renamed.json().get("version").asLong()).isEqualTo(1);

        JsonNode view = readAfter(renamed, Role.TECHNICIAN, "/api/technicians/" + userId).json();
        assertThat(view.get("displayName").asString()).isEqualTo("Ted T.");
        assertThat(view.get("version").asLong()).isEqualTo(1);

        Api.Response deactivated = api.as(Role.MANAGER).post("/api/technicians/" + userId + "/deactivate", null);
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        JsonNode inactive = readAfter(deactivated, Role.MANAGER, "/api/technicians?active=false&size=200").json();
        assertThat(inactive.get("items").valueStream().map(t -> t.get("userId").asString())).contains(userId);
        JsonNode active = readAfter(deactivated, Role.MANAGER, "/api/technicians?active=true&size=200").json();
        assertThat(active.get("items").valueStream().map(t -> t.get("userId").asString())).doesNotContain(userId)
                .contains(DEMO);

        Api.Response reactivated = api.as(Role.MANAGER).post("/api/technicians/" + userId + "/reactivate", null);
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(readAfter(reactivated, Role.MANAGER, "/api/technicians/" + userId).json().get("active").asBoolean())
                .isTrue();
    }

    @Test
    void assign_refuses_an_unknown_user_id_with_409_and_changes_nothing() {
        String id = newWorkOrder();
        long version = detail(id).get("version").asLong();

        Api.Response refused = action(Role.MANAGER, id, "assign", Map.of("technician", "ted.technician"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/unknown-technician");
        assertThat(refused.json().get("detail").asString()).contains("ted.technician");

        JsonNode after = detail(id);
        assertThat(after.get("version").asLong()).isEqualTo(version);
        assertThat(after.get("technician").isNull()).isTrue();
    }

    @Test
    void assign_refuses_an_inactive_technician_with_409_and_their_earlier_work_orders_keep_them() {
        String userId = newTechnician(unique("leaver"), "Lee Leaver");
        String earlier = newWorkOrder();
        assertThat(action(Role.MANAGER, earlier, "assign", Map.of("technician", userId)).status()).isEqualTo(200);
        assertThat(api.as(Role.MANAGER).post("/api/technicians/" + userId + "/deactivate", null).status()).isEqualTo(200);

        String later = newWorkOrder();
        Api.Response refused = action(Role.MANAGER, later, "assign", Map.of("technician", userId));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/technician-inactive");
        assertThat(detail(later).get("technician").isNull()).isTrue();
        assertThat(detail(earlier).get("technician").asString()).isEqualTo(userId);
    }

    @Test
    void bad_input_is_a_400_and_only_managers_and_admins_keep_the_directory() {
        String userId = unique("tech");
        assertThat(errorFields(api.as(Role.MANAGER).put("/api/technicians/" + userId, Map.of()))).contains("displayName");
        assertThat(errorFields(api.as(Role.MANAGER).put("/api/technicians/" + userId, Map.of("displayName", " "))))
                .contains("displayName");
        assertThat(errorFields(api.as(Role.MANAGER).put("/api/technicians/" + userId,
                Map.of("displayName", "x".repeat(201))))).contains("displayName");
        assertThat(errorFields(api.as(Role.MANAGER).put("/api/technicians/me", Map.of("displayName", "Me")))).contains("userId");
        assertThat(errorFields(api.as(Role.MANAGER).put("/api/technicians/" + "u".repeat(201), Map.of("displayName", "Long"))))
                .contains("userId");
        assertThat(api.as(Role.MANAGER).send("PUT", "/api/technicians/" + userId, "{\"displayName\":", "application/json")
                .status()).isEqualTo(400);
        assertThat(errorFields(action(Role.MANAGER, newWorkOrder(), "assign", Map.of()))).contains("technician");

        assertThat(api.as(Role.TECHNICIAN).put("/api/technicians/" + userId, Map.of("displayName", "Self")).status())
                .isEqualTo(403);
        assertThat(api.as(Role.ADVISOR).post("/api/technicians/" + DEMO + "/deactivate", null).status()).isEqualTo(403);
        assertThat(api.as(Role.MANAGER).post("/api/technicians/" + unique("nobody") + "/deactivate", null).status())
                .isEqualTo(404);
        assertThat(api.as(Role.ADVISOR).get("/api/technicians/" + unique("nobody")).status()).isEqualTo(404);
        assertThat(api.as(Role.ADVISOR).get("/api/technicians?sort=salary,asc").status()).isEqualTo(400);
    }

    @Test
    void one_id_per_person_in_assignment_scans_inspections_and_my_work_orders() {
        String mine = newWorkOrder();
        String someoneElses = newWorkOrder();
        String other = newTechnician(unique("other"), "Olive Other");
        action(Role.ADVISOR, mine, "approve", null);
        action(Role.MANAGER, mine, "assign", Map.of("technician", DEMO));
        action(Role.MANAGER, someoneElses, "assign", Map.of("technician", other));
        assertThat(action(Role.TECHNICIAN, mine, "start", null).status()).isEqualTo(200);
        action(Role.TECHNICIAN, mine, "scans", Map.of("stage", "disassembly"));
        Api.Response inspected = action(Role.TECHNICIAN, mine, "inspections", Map.of("result", "PASS"));

        JsonNode detail = readAfter(inspected, Role.TECHNICIAN, "/api/work-orders/" + mine).json();
        assertThat(detail.get("technician").asString()).isEqualTo(DEMO);
        assertThat(detail.get("scans").get(0).get("technician").asString()).isEqualTo(DEMO);
        assertThat(detail.get("inspections").get(0).get("inspector").asString()).isEqualTo(DEMO);
        // the embedded issuer's tokens have no preferred_username: the readable name is the subject
        assertThat(detail.get("scans").get(0).get("technicianName").asString()).isEqualTo(DEMO);
        assertThat(detail.get("inspections").get(0).get("inspectorName").asString()).isEqualTo(DEMO);
        assertThat(detail.get("approvedBy").asString()).isEqualTo("advisor-client");

        JsonNode myList = readAfter(inspected, Role.TECHNICIAN, "/api/work-orders?technician=me&size=200").json();
        assertThat(myList.get("items").valueStream().map(w -> w.get("id").asString())).contains(mine)
                .doesNotContain(someoneElses);
        assertThat(myList.get("items").valueStream().map(w -> w.get("technician").asString())).containsOnly(DEMO);
        JsonNode theirs = readAfter(inspected, Role.MANAGER, "/api/work-orders?technician=" + other).json();
        assertThat(theirs.get("items").valueStream().map(w -> w.get("id").asString())).containsExactly(someoneElses);
        assertThat(theirs.get("items").get(0).get("technicianName").asString()).isEqualTo("Olive Other");
        JsonNode managers = readAfter(inspected, Role.MANAGER, "/api/work-orders?technician=me").json();
        assertThat(managers.get("totalItems").asLong()).as("nothing is assigned to the manager").isZero();

        JsonNode workload = readAfter(inspected, Role.MANAGER, "/api/dashboard").json().get("technicians").get(other);
        assertThat(workload.get("name").asString()).isEqualTo("Olive Other");
        assertThat(workload.get("assigned").asLong()).isEqualTo(1);
    }

    private static String errorFields(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList().toString();
    }
}
