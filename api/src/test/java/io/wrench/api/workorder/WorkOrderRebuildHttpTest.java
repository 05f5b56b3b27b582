package io.wrench.api.workorder;

import io.wrench.api.support.Waiting;
import io.wrench.api.security.Role;
import io.wrench.command.workorder.messages.OpenWorkOrder;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.support.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Throwing the work-order and customer views away and replaying the events gives the same answers. */
class WorkOrderRebuildHttpTest extends WorkOrderTestSupport {

    @Autowired
    ProjectionAdmin admin;

    @Test
    void rebuilt_views_answer_exactly_as_before() throws InterruptedException {
        String customer = newCustomer(unique("Rebuild"));
        String item = stockItem(3, "15.00");

        String paid = open(customer, Map.of("priority", "URGENT")).id();
        addLabour(paid, "Hydraulic hose", 1.25, 90);
        addPart(paid, item, 2);
        settle();
        action(Role.ADVISOR, paid, "approve", null);
        action(Role.MANAGER, paid, "assign", Map.of("technician", "technician-client"));
        action(Role.TECHNICIAN, paid, "start", null);
        action(Role.TECHNICIAN, paid, "scans", Map.of("stage", "teardown"));
        action(Role.TECHNICIAN, paid, "inspections", Map.of("result", "FAIL", "notes", "leaks"));
        action(Role.TECHNICIAN, paid, "inspections", Map.of("result", "PASS"));
        action(Role.TECHNICIAN, paid, "complete", null);
        action(Role.MANAGER, paid, "invoice", null);
        action(Role.ADVISOR, paid, "payments", Map.of("amount", 50, "method", "CARD"));

        String cancelled = open(customer, Map.of()).id();
        addPart(cancelled, item, 2); // 1 left: backordered
        String removed = addLabour(cancelled, "Never mind", 1, 10).id();
        api.as(Role.ADVISOR).delete("/api/work-orders/" + cancelled + "/lines/" + removed);
        settle();
        action(Role.MANAGER, cancelled, "cancel", Map.of("reason", "no parts"));

        WorkOrderId late = WorkOrderId.random();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        commandGateway.sendAndWait(new OpenWorkOrder(late, CustomerId.of(customer), null, "Overdue one", null,
                today.minusDays(1), today.minusDays(3)));
        api.as(Role.ADVISOR).patch("/api/customers/" + customer, Map.of("name", unique("Renamed")));
        awaitOverdue(customer);
        settle();

        List<String> before = answers(customer, paid, cancelled, late.toString());
        assertThat(before.get(1)).contains("\"status\":\"INVOICED\"", "\"paid\":50.00");
        assertThat(before.get(2)).contains("\"status\":\"CANCELLED\"", "\"status\":\"RELEASED\"");
        assertThat(before.get(3)).contains("\"overdue\":true");

        Rebuilds.rebuildAndWait(admin, "work-order-projection", "customer-projection");

        assertThat(answers(customer, paid, cancelled, late.toString())).isEqualTo(before);
    }

    private List<String> answers(String customer, String... workOrders) {
        List<String> answers = new ArrayList<>();
        answers.add(get("/api/work-orders?customerId=" + customer + "&sort=number"));
        for (String id : workOrders) {
            answers.add(get("/api/work-orders/" + id));
        }
        answers.add(get("/api/customers/" + customer));
        String email = api.as(Role.ADVISOR).get("/api/customers/" + customer).json().get("email").asString();
        answers.add(get("/api/customers?search=" + email));
        return answers;
    }

    private String get(String path) {
        var response = api.as(Role.ANALYST).get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.body();
    }

    private void awaitOverdue(String customer) {
        Waiting.until(() -> api.as(Role.ANALYST).get("/api/work-orders?overdue=true&customerId=" + customer).json()
                .get("totalItems").asLong() > 0, Duration.ofSeconds(30), Duration.ofMillis(250), "overdue");
    }
}
