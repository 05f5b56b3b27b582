package io.wrench.api.workorder;

import io.wrench.api.support.Waiting;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.command.workorder.messages.OpenWorkOrder;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderBecameOverdue;
import io.wrench.shared.workorder.WorkOrderId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderListHttpTest extends WorkOrderTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void the_list_filters_sorts_and_searches() {
        String token = unique("Zephyr");
        String customer = newCustomer(token + " Haulage");
        String technician = newTechnician(unique("tech"), "List Technician");
        String low = open(customer, Map.of("priority", "LOW", "dueDate", TODAY.plusDays(3).toString(),
                "description", "Gearbox whine " + token)).id();
        String urgent = open(customer, Map.of("priority", "URGENT", "dueDate", TODAY.plusDays(10).toString())).id();
        Api.Response normal = open(customer, Map.of());
        action(Role.MANAGER, urgent, "assign", Map.of("technician", technician));
        Api.Response approved = action(Role.ADVISOR, urgent, "approve", null);

        JsonNode all = list(approved, "customerId=" + customer + "&sort=priority,desc");
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(ids(all)).containsExactly(urgent, normal.id(), low);
        JsonNode row = all.get("items").get(0);
        assertThat(row.propertyNames()).containsExactlyInAnyOrder("id", "number", "status", "customerId",
                "customerName", "assetId", "priority", "technician", "technicianName", "dueDate", "overdue", "total", "openedAt");
        assertThat(row.get("customerName").asString()).isEqualTo(token + " Haulage");
        assertThat(row.get("status").asString()).isEqualTo("APPROVED");
        assertThat(row.get("overdue").asBoolean()).isFalse();

        assertThat(ids(list(approved, "customerId=" + customer + "&priority=URGENT"))).containsExactly(urgent);
        assertThat(ids(list(approved, "customerId=" + customer + "&status=OPEN&sort=number,asc")))
                .containsExactly(low, normal.id());
        // several values: comma-separated or repeated, any of them matches
        assertThat(ids(list(approved, "customerId=" + customer + "&status=OPEN,APPROVED&sort=number,asc")))
                .containsExactly(low, urgent, normal.id());
        assertThat(ids(list(approved, "customerId=" + customer + "&priority=LOW&priority=URGENT&sort=number,asc")))
                .containsExactly(low, urgent);
        assertThat(ids(list(approved, "technician=" + technician))).containsExactly(urgent);
        assertThat(ids(list(approved, "customerId=" + customer + "&dueFrom=" + TODAY.plusDays(2)
                + "&dueTo=" + TODAY.plusDays(5)))).containsExactly(low);
        assertThat(ids(list(approved, "search=" + token.toUpperCase() + "&sort=number,asc")))
                .containsExactly(low, urgent, normal.id());
        assertThat(ids(list(approved, "search=gearbox%20whine%20" + token))).containsExactly(low);
        assertThat(ids(list(approved, "search=" + normal.json().get("number").asString()))).containsExactly(normal.id());
        JsonNode paged = list(approved, "customerId=" + customer + "&size=2&page=1&sort=number");
        assertThat(paged.get("totalPages").asInt()).isEqualTo(2);
        assertThat(paged.get("items")).hasSize(1);
    }

    @Test
    void a_renamed_customer_is_renamed_on_their_work_orders() {
        String customer = newCustomer(unique("Before"));
        String id = open(customer, Map.of()).id();
        String renamed = unique("After");

        Api.Response patched = api.as(Role.ADVISOR).patch("/api/customers/" + customer, Map.of("name", renamed));
        assertThat(patched.status()).isEqualTo(200);

        assertThat(ids(list(patched, "search=" + renamed))).containsExactly(id);
        assertThat(list(patched, "customerId=" + customer).get("items").get(0).get("customerName").asString())
                .isEqualTo(renamed);
        assertThat(readAfter(patched, Role.ADVISOR, "/api/work-orders/" + id).json().get("customer").get("name")
                .asString()).isEqualTo(renamed);
    }

    @Test
    void bad_list_parameters_are_400s() {
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders?sort=colour").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders?size=201").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders?status=SOMEWHERE").status()).isEqualTo(400);
        Api.Response oneBad = api.as(Role.ADVISOR).get("/api/work-orders?status=OPEN,SOMEWHERE");
        assertThat(oneBad.status()).isEqualTo(400);
        assertThat(oneBad.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders?dueFrom=tomorrow").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).get("/api/work-orders?dueFrom=2026-02-01&dueTo=2026-01-01").status())
                .isEqualTo(400);
    }

    /**
     * The persistent deadline end to end: a work order due yesterday (opened earlier, through the command
     * gateway, since the API opens only with today's date) is overdue at the scheduler's next poll.
     */
    @Test
    void a_work_order_past_its_due_date_becomes_overdue() {
        String customer = newCustomer(unique("Late"));
        WorkOrderId late = WorkOrderId.random();
        commandGateway.sendAndWait(new OpenWorkOrder(late, CustomerId.of(customer), null, "Was due yesterday",
                Priority.HIGH, TODAY.minusDays(1), TODAY.minusDays(2)));
        String onTime = open(customer, Map.of("dueDate", TODAY.toString())).id();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> overdue = List.of();
        while (overdue.isEmpty() && System.nanoTime() < deadline) {
            Waiting.pause(250);
            overdue = ids(api.as(Role.MANAGER).get("/api/work-orders?overdue=true&customerId=" + customer).json());
        }

        assertThat(overdue).containsExactly(late.toString());
        assertThat(eventStore.readEvents(late.toString(), 0L).asStream().map(e -> (Object) e.getPayload()))
                .containsOnlyOnce(new WorkOrderBecameOverdue(late, TODAY.minusDays(1)));
        settle();
        assertThat(ids(api.as(Role.MANAGER).get("/api/work-orders?overdue=false&customerId=" + customer).json()))
                .containsExactly(onTime);
        assertThat(detail(late.toString()).get("overdue").asBoolean()).isTrue();
    }

    private JsonNode list(Api.Response after, String query) {
        Api.Response list = readAfter(after, Role.TECHNICIAN, "/api/work-orders?" + query);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
