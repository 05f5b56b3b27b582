package io.wrench.api.audit;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/{customers|inventory/items|work-orders}/{id}/history}: the aggregate's events as stored. */
class AuditHistoryHttpTest extends HttpTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private String customerWithTwoEvents(String tag) {
        String id = newCustomer(tag);
        Api.Response updated = api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "555-0101"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void a_customers_events_in_order_with_the_payload_exactly_as_stored() {
        String id = customerWithTwoEvents(unique("History"));

        Api.Response history = api.as(Role.AUDITOR).get("/api/customers/" + id + "/history");

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode items = history.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(history.json().get("totalItems").asLong()).isEqualTo(2);
        assertThat(items.get(0).get("sequence").asLong()).isZero();
        assertThat(items.get(0).get("type").asString()).isEqualTo("io.wrench.shared.customer.CustomerRegistered");
        assertThat(items.get(1).get("type").asString()).isEqualTo("io.wrench.shared.customer.CustomerContactDetailsUpdated");
        assertThat(items.get(0).get("revision").asString()).isEqualTo("1");
        assertThat(items.get(0).get("at").asString()).endsWith("Z");
        assertThat(items.get(1).get("payload").get("phone").asString()).isEqualTo("555-0101");
        assertThat(items.get(0).get("metadata").get("userId").asString()).isEqualTo("advisor-client");
        assertThat(items.get(0).get("hash").asString()).hasSize(64)
                .isEqualTo(items.get(0).get("metadata").get("auditHash").asString());
        List<Map<String, Object>> rows = jdbc.queryForList("select event_identifier, payload from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", id);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(items.get(i).get("eventId").asString()).isEqualTo(rows.get(i).get("event_identifier"));
            String stored = new String((byte[]) rows.get(i).get("payload"), StandardCharsets.UTF_8);
            assertThat(history.body()).as("the stored bytes, not a re-encoding").contains("\"payload\":" + stored + ",");
        }
    }

    @Test
    void history_is_paged() {
        String id = customerWithTwoEvents(unique("Paged"));

        JsonNode second = api.as(Role.MANAGER).get("/api/customers/" + id + "/history?page=1&size=1").json();

        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("sequence").asLong()).isEqualTo(1);
        assertThat(second.get("totalItems").asLong()).isEqualTo(2);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
        assertThat(api.as(Role.AUDITOR).get("/api/customers/" + id + "/history?size=0").status()).isEqualTo(400);
        assertThat(api.as(Role.AUDITOR).get("/api/customers/" + id + "/history?page=-1").status()).isEqualTo(400);
    }

    @Test
    void stock_items_and_work_orders_have_history_too() {
        String item = newStockItem(unique("SKU").toUpperCase(), "Belt").id();
        String customer = newCustomer("History Owner");
        String workOrder = api.as(Role.ADVISOR).post("/api/work-orders",
                Map.of("customerId", customer, "description", "noise")).id();

        JsonNode itemHistory = api.as(Role.AUDITOR).get("/api/inventory/items/" + item + "/history").json();
        JsonNode workOrderHistory = api.as(Role.ADMIN).get("/api/work-orders/" + workOrder + "/history").json();

        assertThat(itemHistory.get("items").get(0).get("type").asString()).endsWith("StockItemRegistered");
        assertThat(workOrderHistory.get("items").get(0).get("type").asString()).endsWith("WorkOrderOpened");
    }

    @Test
    void an_unknown_id_or_another_kind_of_aggregate_is_404() {
        String customer = newCustomer("Not A Work Order");

        Api.Response unknown = api.as(Role.AUDITOR).get("/api/customers/" + UUID.randomUUID() + "/history");
        Api.Response wrongKind = api.as(Role.AUDITOR).get("/api/work-orders/" + customer + "/history");
        Api.Response notAnId = api.as(Role.AUDITOR).get("/api/inventory/items/nope/history");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongKind.status()).isEqualTo(404);
        assertThat(notAnId.status()).isEqualTo(404);
    }

    @Test
    void only_auditors_managers_and_admins_read_history() {
        String id = newCustomer("Roles");
        for (Role role : List.of(Role.ADVISOR, Role.TECHNICIAN, Role.STOREKEEPER, Role.ANALYST)) {
            assertThat(api.as(role).get("/api/customers/" + id + "/history").status()).as(role.name()).isEqualTo(403);
        }
        assertThat(api.anonymous().get("/api/customers/" + id + "/history").status()).isEqualTo(401);
    }
}
