package io.wrench.api.workorder;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderLifecycleHttpTest extends WorkOrderTestSupport {

    private static final String TECHNICIAN = "technician-client";

    @Test
    void a_work_order_goes_from_opening_to_paid() {
        String customer = newCustomer(unique("Life Cycle"));
        String asset = newAsset(customer);
        String item = stockItem(10, "20.00");
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(7);

        Api.Response opened = open(customer, Map.of("assetId", asset, "priority", "HIGH", "dueDate", due.toString()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.id();
        String number = opened.json().get("number").asString();
        assertThat(number).matches("WO-\\d{4}-\\d{6,}");
        assertThat(opened.header("Location")).isEqualTo("/api/work-orders/" + id);
        assertThat(opened.header("ETag")).isEqualTo("\"0\"");

        JsonNode fresh = readAfter(opened, Role.TECHNICIAN, "/api/work-orders/" + id).json();
        assertThat(fresh.get("status").asString()).isEqualTo("OPEN");
        assertThat(fresh.get("number").asString()).isEqualTo(number);
        assertThat(fresh.get("customer").get("id").asString()).isEqualTo(customer);
        assertThat(fresh.get("customer").get("name").asString()).startsWith("Life Cycle");
        assertThat(fresh.get("asset").get("id").asString()).isEqualTo(asset);
        assertThat(fresh.get("asset").get("make").asString()).isEqualTo("Lincoln");
        assertThat(fresh.get("priority").asString()).isEqualTo("HIGH");
        assertThat(fresh.get("dueDate").asString()).isEqualTo(due.toString());
        assertThat(fresh.get("overdue").asBoolean()).isFalse();
        assertThat(readAfter(opened, Role.ADVISOR, "/api/customers/" + customer).json().get("workOrders"))
                .hasSize(1);

        Api.Response labour = addLabour(id, "Replace brake pads", 1.5, 80);
        assertThat(labour.status()).as(labour.toString()).isEqualTo(201);
        assertThat(labour.header("Location")).isEqualTo("/api/work-orders/" + id + "/lines/" + labour.id());
        Api.Response part = addPart(id, item, 2); // no price: 20.00 cost + 30 % markup = 26.00
        assertThat(part.status()).as(part.toString()).isEqualTo(201);

        JsonNode withLines = readAfter(part, Role.ADVISOR, "/api/work-orders/" + id).json();
        assertThat(withLines.get("labourLines").get(0).get("amount").decimalValue()).isEqualByComparingTo("120.00");
        JsonNode partLine = withLines.get("partLines").get(0);
        assertThat(partLine.get("id").asString()).isEqualTo(part.id());
        assertThat(partLine.get("itemId").asString()).isEqualTo(item);
        assertThat(partLine.get("unitPrice").decimalValue()).isEqualByComparingTo("26.00");
        assertThat(partLine.get("amount").decimalValue()).isEqualByComparingTo("52.00");
        assertThat(partLine.get("status").asString()).isEqualTo("RESERVED");
        assertTotals(withLines, "120.00", "52.00", "0.00", "172.00", "0.00", "172.00");
        assertThat(readAfter(part, Role.ADVISOR, "/api/customers/" + customer).json().get("workOrders").get(0)
                .get("total").decimalValue()).isEqualByComparingTo("172.00");

        Api.Response approved = action(Role.ADVISOR, id, "approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.header("ETag")).isEqualTo("\"" + approved.json().get("version").asLong() + "\"");
        assertThat(action(Role.MANAGER, id, "assign", Map.of("technician", TECHNICIAN)).status()).isEqualTo(200);
        assertThat(action(Role.TECHNICIAN, id, "start", null).status()).isEqualTo(200);
        Api.Response scan = action(Role.TECHNICIAN, id, "scans", Map.of("stage", "disassembly", "note", "pads at 2 mm"));
        assertThat(scan.status()).as(scan.toString()).isEqualTo(201);
        Api.Response inspection = action(Role.TECHNICIAN, id, "inspections", Map.of("result", "PASS", "notes", "road test"));
        assertThat(inspection.status()).as(inspection.toString()).isEqualTo(201);

        JsonNode working = readAfter(inspection, Role.MANAGER, "/api/work-orders/" + id).json();
        assertThat(working.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(working.get("technician").asString()).isEqualTo(TECHNICIAN);
        assertThat(working.get("approvedBy").asString()).isEqualTo("advisor-client");
        assertThat(working.get("approvedTotal").decimalValue()).isEqualByComparingTo("172.00");
        assertThat(working.get("scans").get(0).get("id").asString()).isEqualTo(scan.id());
        assertThat(working.get("scans").get(0).get("technician").asString()).isEqualTo(TECHNICIAN);
        assertThat(working.get("inspections").get(0).get("result").asString()).isEqualTo("PASS");
        assertThat(working.get("inspections").get(0).get("inspector").asString()).isEqualTo(TECHNICIAN);

        Api.Response completed = action(Role.TECHNICIAN, id, "complete", null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        JsonNode done = detail(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertThat(partStatuses(done)).containsExactly("ISSUED");
        assertThat(item(item).get("onHand").decimalValue()).isEqualByComparingTo("8");
        assertThat(item(item).get("reserved").decimalValue()).isEqualByComparingTo("0");

        Api.Response invoiced = action(Role.MANAGER, id, "invoice", null);
        assertThat(invoiced.status()).as(invoiced.toString()).isEqualTo(200);
        JsonNode invoice = readAfter(invoiced, Role.ADVISOR, "/api/work-orders/" + id).json();
        assertThat(invoice.get("status").asString()).isEqualTo("INVOICED");
        assertTotals(invoice, "120.00", "52.00", "34.40", "206.40", "0.00", "206.40");
        assertThat(readAfter(invoiced, Role.ADVISOR, "/api/work-orders/" + id).body()).contains("\"total\":206.40");

        Api.Response first = action(Role.ADVISOR, id, "payments", Map.of("amount", 100, "method", "CARD"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response rest = action(Role.ADVISOR, id, "payments", Map.of("amount", 106.40, "method", "CASH"));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);

        JsonNode paid = readAfter(rest, Role.AUDITOR, "/api/work-orders/" + id).json();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertTotals(paid, "120.00", "52.00", "34.40", "206.40", "206.40", "0.00");
        assertThat(paid.get("payments")).hasSize(2);
        assertThat(paid.get("payments").get(0).get("id").asString()).isEqualTo(first.id());
        assertThat(paid.get("payments").get(1).get("balance").decimalValue()).isEqualByComparingTo("0.00");

        JsonNode row = readAfter(rest, Role.ANALYST, "/api/work-orders?customerId=" + customer).json().get("items").get(0);
        assertThat(row.get("number").asString()).isEqualTo(number);
        assertThat(row.get("status").asString()).isEqualTo("PAID");
        assertThat(row.get("total").decimalValue()).isEqualByComparingTo("206.40");
        assertThat(row.get("technician").asString()).isEqualTo(TECHNICIAN);
        JsonNode customerDetail = readAfter(rest, Role.ADVISOR, "/api/customers/" + customer).json();
        assertThat(customerDetail.get("workOrders").get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(customerDetail.get("workOrders").get(0).get("total").decimalValue()).isEqualByComparingTo("206.40");
    }

    @Test
    void the_customer_counts_work_orders_until_they_are_finished() {
        String customer = newCustomer(unique("Counting"));
        String first = open(customer, Map.of()).id();
        Api.Response second = open(customer, Map.of());
        assertThat(openWorkOrders(second, customer)).isEqualTo(2);

        Api.Response cancelled = action(Role.MANAGER, first, "cancel", Map.of("reason", "customer changed their mind"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        assertThat(openWorkOrders(cancelled, customer)).isEqualTo(1);
        JsonNode statuses = readAfter(cancelled, Role.ADVISOR, "/api/customers/" + customer).json().get("workOrders");
        assertThat(statuses.valueStream().map(w -> w.get("status").asString())).containsExactlyInAnyOrder("OPEN", "CANCELLED");
    }

    @Test
    void an_illegal_transition_is_a_409_naming_the_current_state() {
        String id = newWorkOrder();

        Api.Response start = action(Role.TECHNICIAN, id, "start", null);

        assertThat(start.status()).isEqualTo(409);
        assertThat(start.json().get("detail").asString()).isEqualTo("cannot start a work order that is OPEN");
        assertThat(start.header("Content-Type")).startsWith("application/problem+json");

        assertThat(action(Role.ADVISOR, id, "approve", null).status()).isEqualTo(200);
        Api.Response again = action(Role.MANAGER, id, "approve", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("APPROVED");
    }

    @Test
    void start_needs_a_technician_and_completion_a_passed_inspection() {
        String id = newWorkOrder();
        action(Role.ADVISOR, id, "approve", null);
        Api.Response start = action(Role.MANAGER, id, "start", null);
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.json().get("type").asString()).endsWith("/technician-required");

        action(Role.MANAGER, id, "assign", Map.of("technician", TECHNICIAN));
        action(Role.TECHNICIAN, id, "start", null);
        action(Role.TECHNICIAN, id, "inspections", Map.of("result", "FAIL", "notes", "still squeals"));

        Api.Response complete = action(Role.TECHNICIAN, id, "complete", null);
        assertThat(complete.status()).isEqualTo(409);
        assertThat(complete.json().get("detail").asString()).contains("FAIL");
    }

    @Test
    void hold_and_resume() {
        String id = startedWorkOrder();
        Api.Response held = action(Role.TECHNICIAN, id, "hold", Map.of("reason", "waiting for the customer"));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(readAfter(held, Role.ADVISOR, "/api/work-orders/" + id).json().get("status").asString())
                .isEqualTo("ON_HOLD");

        Api.Response resumed = action(Role.MANAGER, id, "resume", null);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(readAfter(resumed, Role.ADVISOR, "/api/work-orders/" + id).json().get("status").asString())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void a_payment_above_the_balance_is_refused() {
        String id = invoicedWorkOrder(); // 2 h at 50.00 = 100.00, tax 20.00, total 120.00

        Api.Response tooMuch = action(Role.ADVISOR, id, "payments", Map.of("amount", 120.01, "method", "TRANSFER"));

        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("detail").asString()).isEqualTo("payment of 120.01 exceeds the balance of 120.00");
        JsonNode unchanged = detail(id);
        assertThat(unchanged.get("status").asString()).isEqualTo("INVOICED");
        assertThat(unchanged.get("payments")).isEmpty();
    }

    @Test
    void a_stale_if_match_is_a_412() {
        String id = newWorkOrder();
        Api.Response line = addLabour(id, "Diagnosis", 1, 60);
        assertThat(line.header("ETag")).isEqualTo("\"1\"");

        Api.Response stale = api.as(Role.ADVISOR).header("If-Match", "\"0\"").post("/api/work-orders/" + id + "/approve", null);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);

        Api.Response current = api.as(Role.ADVISOR).header("If-Match", "\"1\"").post("/api/work-orders/" + id + "/approve", null);
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void an_idempotency_key_opens_one_work_order() {
        String customer = newCustomer(unique("Idempotent"));
        String key = uuid();
        Map<String, Object> body = Map.of("customerId", customer, "description", "Weld a cracked bracket");

        Api.Response first = api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/work-orders", body);
        Api.Response repeat = api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/work-orders", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(repeat.json().get("number").asString()).isEqualTo(first.json().get("number").asString());
        assertThat(readAfter(repeat, Role.ADVISOR, "/api/work-orders?customerId=" + customer).json()
                .get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void a_removed_line_leaves_the_work_order_and_its_total() {
        String id = newWorkOrder();
        String item = stockItem(5, "10.00");
        String labour = addLabour(id, "Diagnosis", 1, 60).id();
        String part = addPart(id, item, 2).id();
        assertThat(detail(id).get("totals").get("total").decimalValue()).isEqualByComparingTo("86.00");

        Api.Response removed = api.as(Role.ADVISOR).delete("/api/work-orders/" + id + "/lines/" + part);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("version").asLong()).isPositive();

        JsonNode after = detail(id);
        assertThat(after.get("partLines")).isEmpty();
        assertThat(after.get("labourLines").get(0).get("id").asString()).isEqualTo(labour);
        assertTotals(after, "60.00", "0.00", "0.00", "60.00", "0.00", "60.00");
        assertThat(item(item).get("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.as(Role.ADVISOR).delete("/api/work-orders/" + id + "/lines/" + part).status()).isEqualTo(404);
    }

    @Test
    void opening_is_refused_for_unknown_or_archived_customers_and_foreign_assets() {
        Api.Response unknown = open(uuid(), Map.of());
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().get("type").asString()).endsWith("/unknown-customer");

        String owner = newCustomer(unique("Owner"));
        String other = newCustomer(unique("Other"));
        Api.Response foreign = open(other, Map.of("assetId", newAsset(owner)));
        assertThat(foreign.status()).isEqualTo(409);
        assertThat(foreign.json().get("type").asString()).endsWith("/asset-not-owned");

        api.as(Role.MANAGER).post("/api/customers/" + owner + "/archive", null);
        Api.Response archived = open(owner, Map.of());
        assertThat(archived.status()).isEqualTo(409);
        assertThat(archived.json().get("detail").asString()).contains("archived");
    }

    @Test
    void invalid_input_is_a_400_naming_the_field() {
        String id = newWorkOrder();
        assertThat(fieldErrors(addLabour(id, "Nothing", 0, 50))).contains("hours");
        assertThat(fieldErrors(addLabour(id, "Free", 1, -1))).contains("hourlyRate");
        assertThat(fieldErrors(addPart(id, uuid(), 0))).contains("quantity");
        assertThat(fieldErrors(action(Role.MANAGER, id, "assign", Map.of("technician", " ")))).contains("technician");
        Api.Response badPriority = open(newCustomer(unique("Prio")), Map.of("priority", "SOMEDAY"));
        assertThat(badPriority.status()).isEqualTo(400);
        Api.Response past = open(newCustomer(unique("Past")), Map.of("dueDate", "2001-01-01"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("dueDate");

        String invoiced = invoicedWorkOrder();
        assertThat(fieldErrors(action(Role.ADVISOR, invoiced, "payments", Map.of("amount", 0, "method", "CASH"))))
                .contains("amount");
        assertThat(action(Role.ADVISOR, invoiced, "payments", Map.of("amount", 10, "method", "BITCOIN")).status())
                .isEqualTo(400);
    }

    @Test
    void an_unknown_part_item_is_a_409() {
        Api.Response part = addPart(newWorkOrder(), uuid(), 1);
        assertThat(part.status()).isEqualTo(409);
        assertThat(part.json().get("type").asString()).endsWith("/unknown-item");
    }

    @Test
    void roles_follow_the_table_and_unknown_ids_are_404() {
        String id = newWorkOrder();
        assertThat(api.as(Role.TECHNICIAN).post("/api/work-orders", Map.of("customerId", uuid(), "description", "x"))
                .status()).isEqualTo(403);
        assertThat(action(Role.ADVISOR, id, "assign", Map.of("technician", TECHNICIAN)).status()).isEqualTo(403);
        assertThat(action(Role.MANAGER, id, "scans", Map.of("stage", "x")).status()).isEqualTo(403);
        assertThat(action(Role.TECHNICIAN, id, "invoice", null).status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/work-orders/" + id).status()).isEqualTo(401);

        assertThat(api.as(Role.AUDITOR).get("/api/work-orders/" + uuid()).status()).isEqualTo(404);
        assertThat(action(Role.MANAGER, uuid(), "approve", null).status()).isEqualTo(404);
    }

    private String startedWorkOrder() {
        String id = newWorkOrder();
        action(Role.ADVISOR, id, "approve", null);
        action(Role.MANAGER, id, "assign", Map.of("technician", TECHNICIAN));
        assertThat(action(Role.TECHNICIAN, id, "start", null).status()).isEqualTo(200);
        return id;
    }

    private String invoicedWorkOrder() {
        String id = newWorkOrder();
        addLabour(id, "Weld repair", 2, 50);
        action(Role.ADVISOR, id, "approve", null);
        action(Role.MANAGER, id, "assign", Map.of("technician", TECHNICIAN));
        action(Role.TECHNICIAN, id, "start", null);
        action(Role.TECHNICIAN, id, "inspections", Map.of("result", "PASS"));
        action(Role.TECHNICIAN, id, "complete", null);
        assertThat(action(Role.MANAGER, id, "invoice", null).status()).isEqualTo(200);
        return id;
    }

    private int openWorkOrders(Api.Response after, String customer) {
        return readAfter(after, Role.ADVISOR, "/api/customers?search=" + emailOf(after, customer))
                .json().get("items").valueStream()
                .filter(row -> row.get("id").asString().equals(customer))
                .findFirst().orElseThrow().get("openWorkOrders").asInt();
    }

    private String emailOf(Api.Response after, String customer) {
        return readAfter(after, Role.ADVISOR, "/api/customers/" + customer).json().get("email").asString();
    }

    private static String fieldErrors(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").toString();
    }

    private static void assertTotals(JsonNode detail, String labour, String parts, String tax, String total,
                                     String paid, String balance) {
        JsonNode totals = detail.get("totals");
        assertThat(totals.get("labour").decimalValue()).as("labour").isEqualByComparingTo(labour);
        assertThat(totals.get("parts").decimalValue()).as("parts").isEqualByComparingTo(parts);
        assertThat(totals.get("tax").decimalValue()).as("tax").isEqualByComparingTo(tax);
        assertThat(totals.get("total").decimalValue()).as("total").isEqualByComparingTo(total);
        assertThat(totals.get("paid").decimalValue()).as("paid").isEqualByComparingTo(paid);
        assertThat(totals.get("balance").decimalValue()).as("balance").isEqualByComparingTo(balance);
    }
}
