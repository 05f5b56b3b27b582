package io.wrench.api.dashboard;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The document and explain over HTTP: who may read them, what is refused, and a change seen in both. */
class DashboardHttpTest extends HttpTestSupport {

    @Test
    void managers_admins_analysts_and_auditors_read_the_dashboard_other_roles_are_refused() {
        for (Role role : Role.values()) {
            boolean allowed = switch (role) {
                case MANAGER, ADMIN, ANALYST, AUDITOR -> true;
                default -> false;
            };
            for (String path : new String[]{"/api/dashboard", "/api/dashboard/explain?figure=stockValue"}) {
                Api.Response answer = api.as(role).get(path);
                assertThat(answer.status()).as(role + " " + path + ": " + answer).isEqualTo(allowed ? 200 : 403);
            }
        }
        assertThat(api.anonymous().get("/api/dashboard").status()).isEqualTo(401);
        assertThat(api.as(Role.TECHNICIAN).header("Accept", "text/event-stream").get("/api/dashboard/stream").status())
                .isEqualTo(403);
        // the bearer token goes in the header only: one in the URL (where logs and proxies keep it) is not read
        String token = api.token(Role.MANAGER);
        assertThat(api.anonymous().unchecked().header("Accept", "text/event-stream")
                .get("/api/dashboard/stream?access_token=" + token).status()).isEqualTo(401);
        assertThat(api.anonymous().unchecked().get("/api/dashboard?access_token=" + token).status()).isEqualTo(401);
    }

    @Test
    void bad_or_reversed_dates_and_unknown_figures_are_400() {
        Api.Call analyst = api.as(Role.ANALYST);
        assertThat(analyst.get("/api/dashboard?from=2026-02-30").status()).isEqualTo(400);
        assertThat(analyst.get("/api/dashboard?from=yesterday").status()).isEqualTo(400);
        Api.Response reversed = analyst.get("/api/dashboard?from=2026-03-10&to=2026-03-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(analyst.get("/api/dashboard?from=2999-01-01").status()).isEqualTo(400);
        assertThat(analyst.get("/api/dashboard/explain?figure=inspections.count&from=2026-03-10&to=2026-03-01").status())
                .isEqualTo(400);

        Api.Response unknown = analyst.get("/api/dashboard/explain?figure=workOrders.byStatus.LOST");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        String message = unknown.json().get("errors").get(0).get("message").asString();
        assertThat(message).contains("workOrders.byStatus.OPEN", "revenue.last7Days.invoiced", "stockValue",
                "inspections.passRate", "technicians.<technician>.labourHours");
        assertThat(analyst.get("/api/dashboard/explain").status()).isEqualTo(400);
        assertThat(analyst.get("/api/dashboard/explain?figure=technicians..assigned").status()).isEqualTo(400);
        assertThat(analyst.get("/api/dashboard/explain?figure=stockValue&size=500").status()).isEqualTo(400);
    }

    @Test
    void the_period_is_the_last_30_days_by_default_and_the_one_asked_for_otherwise() {
        JsonNode byDefault = api.as(Role.MANAGER).get("/api/dashboard").json();
        String to = byDefault.get("period").get("to").asString();
        assertThat(java.time.LocalDate.parse(to).minusDays(29).toString())
                .isEqualTo(byDefault.get("period").get("from").asString());
        assertThat(byDefault.get("revenue").get("byDay").size()).isEqualTo(30);
        assertThat(byDefault.get("workOrders").get("byStatus").propertyNames())
                .containsExactly("OPEN", "APPROVED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "INVOICED", "PAID", "CANCELLED");

        JsonNode asked = api.as(Role.MANAGER).get("/api/dashboard?from=2026-01-01&to=2026-01-31").json();
        assertThat(asked.get("period").get("from").asString()).isEqualTo("2026-01-01");
        assertThat(asked.get("period").get("to").asString()).isEqualTo("2026-01-31");
    }

    @Test
    void a_work_order_and_its_labour_show_in_the_document_and_explain_names_their_events() {
        String technician = newTechnician(unique("tech"), "Dashboard Technician");
        JsonNode before = api.as(Role.MANAGER).get("/api/dashboard").json();

        String customer = newCustomer(unique("Dash"));
        Api.Response opened = api.as(Role.ADVISOR).post("/api/work-orders",
                Map.of("customerId", customer, "description", "Gearbox whine"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String workOrder = opened.id();
        api.as(Role.MANAGER).post("/api/work-orders/" + workOrder + "/assign", Map.of("technician", technician));
        Api.Response labour = api.as(Role.ADVISOR).post("/api/work-orders/" + workOrder + "/labour",
                Map.of("description", "Diagnose", "hours", 2.5, "hourlyRate", 80));
        assertThat(labour.status()).as(labour.toString()).isEqualTo(201);

        JsonNode after = readAfter(labour, Role.MANAGER, "/api/dashboard").json();
        assertThat(after.get("workOrders").get("byStatus").get("OPEN").asLong())
                .isEqualTo(before.get("workOrders").get("byStatus").get("OPEN").asLong() + 1);
        assertThat(after.get("position").asLong()).isGreaterThan(before.get("position").asLong());
        JsonNode workload = after.get("technicians").get(technician);
        assertThat(workload.get("name").asString()).isEqualTo("Dashboard Technician");
        assertThat(workload.get("assigned").asLong()).isEqualTo(1);
        assertThat(workload.get("inProgress").asLong()).isZero();
        assertThat(workload.get("labourHours").decimalValue()).isEqualByComparingTo("2.5");

        JsonNode hours = api.as(Role.ANALYST).get("/api/dashboard/explain?figure=technicians." + technician
                + ".labourHours").json();
        assertThat(hours.get("value").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(hours.get("items").size()).isEqualTo(1);
        JsonNode item = hours.get("items").get(0);
        assertThat(item.get("type").asString()).isEqualTo("LabourLineAdded");
        assertThat(item.get("aggregateId").asString()).isEqualTo(workOrder);
        assertThat(item.get("contribution").decimalValue()).isEqualByComparingTo("2.5");

        JsonNode assigned = api.as(Role.ANALYST).get("/api/dashboard/explain?figure=technicians." + technician
                + ".assigned").json();
        assertThat(assigned.get("items").get(0).get("type").asString()).isEqualTo("TechnicianAssigned");

        Api.Response removed = api.as(Role.ADVISOR).delete("/api/work-orders/" + workOrder + "/lines/" + labour.id());
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        JsonNode afterRemoval = readAfter(removed, Role.MANAGER, "/api/dashboard").json();
        assertThat(afterRemoval.get("technicians").get(technician).get("labourHours").decimalValue())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void the_openapi_description_names_the_three_endpoints() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.get("/api/dashboard").get("get").get("parameters").findValuesAsString("name"))
                .contains("from", "to");
        assertThat(paths.get("/api/dashboard/explain").get("get").get("parameters").findValuesAsString("name"))
                .contains("figure", "from", "to", "page", "size");
        assertThat(paths.get("/api/dashboard/stream").get("get").get("responses").get("200").get("content")
                .has("text/event-stream")).isTrue();
    }

    @Test
    void time_in_status_follows_a_stay_that_ends_even_right_after_a_read() {
        Api.Call manager = api.as(Role.MANAGER);
        long before = manager.get("/api/dashboard").json().get("timeInStatus").get("overall").get("OPEN").get("count").asLong();
        manager.get("/api/dashboard");
        Api.Response opened = api.as(Role.ADVISOR).post("/api/work-orders",
                Map.of("customerId", newCustomer(unique("Stay")), "description", "Quick one"));
        Api.Response approved = api.as(Role.ADVISOR).post("/api/work-orders/" + opened.id() + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode after = readAfter(approved, Role.MANAGER, "/api/dashboard").json();
        assertThat(after.get("timeInStatus").get("overall").get("OPEN").get("count").asLong()).isEqualTo(before + 1);
    }
}
