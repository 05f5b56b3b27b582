package io.wrench.api.catalogue;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.workorder.WorkOrderTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service catalogue end to end, and applying an entry to a work order as one command. */
class CatalogueHttpTest extends WorkOrderTestSupport {

    private Api.Response define(String code, String itemId, Object fixedPrice) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "Front brakes " + code,
                "category", "Brakes", "description", "pads and a road test",
                "labourLines", List.of(Map.of("description", "Replace front pads", "hours", 1.5, "hourlyRate", 80)),
                "partLines", itemId == null ? List.of() : List.of(Map.of("itemId", itemId, "quantity", 2))));
        if (fixedPrice != null) {
            body.put("fixedPrice", fixedPrice);
        }
        return api.as(Role.MANAGER).post("/api/catalogue", body);
    }

    private Api.Response applyJob(String workOrderId, String code) {
        return api.as(Role.ADVISOR).post("/api/work-orders/" + workOrderId + "/jobs", Map.of("serviceCode", code));
    }

    @Test
    void an_entry_is_defined_read_by_code_and_found_by_search() {
        String code = unique("BRK").toUpperCase();
        String pads = stockItem(10, "9.99");
        Api.Response created = define(code, pads, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/catalogue/" + code);

        JsonNode entry = readAfter(created, Role.TECHNICIAN, "/api/catalogue/" + code.toLowerCase()).json();
        assertThat(entry.get("id").asString()).isEqualTo(created.id());
        assertThat(entry.get("revision").asInt()).isEqualTo(1);
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(entry.get("labourLines").get(0).get("hourlyRate").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(entry.get("partLines").get(0).get("itemId").asString()).isEqualTo(pads);
        assertThat(entry.get("retired").asBoolean()).isFalse();

        JsonNode found = api.as(Role.ADVISOR).get("/api/catalogue?search=" + code.toLowerCase()).json();
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("items").get(0).get("code").asString()).isEqualTo(code);
    }

    @Test
    void a_code_in_use_whatever_its_case_is_a_409_and_only_managers_define() {
        String code = unique("DUP").toUpperCase();
        assertThat(define(code, null, null).status()).isEqualTo(201);
        Api.Response again = define(code.toLowerCase(), null, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already in use");
        assertThat(api.as(Role.ADVISOR).post("/api/catalogue", Map.of("code", unique("X"), "name", "n",
                "fixedPrice", 10)).status()).isEqualTo(403);
    }

    @Test
    void a_job_adds_all_its_lines_reserves_its_parts_and_the_detail_names_the_revision() {
        String code = unique("JOB").toUpperCase();
        String pads = stockItem(10, "10.00");
        define(code, pads, null);
        String workOrder = newWorkOrder();

        Api.Response applied = applyJob(workOrder, code);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        List<String> lineIds = new ArrayList<>();
        applied.json().get("lineIds").forEach(id -> lineIds.add(id.asString()));
        assertThat(lineIds).hasSize(2);

        settle();
        JsonNode detail = detail(workOrder);
        assertThat(detail.get("labourLines").get(0).get("id").asString()).isEqualTo(lineIds.get(0));
        assertThat(detail.get("labourLines").get(0).get("amount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(detail.get("partLines").get(0).get("id").asString()).isEqualTo(lineIds.get(1));
        assertThat(partStatuses(detail)).containsExactly("RESERVED");
        JsonNode job = detail.get("jobs").get(0);
        assertThat(job.get("serviceCode").asString()).isEqualTo(code);
        assertThat(job.get("revision").asInt()).isEqualTo(1);
        assertThat(job.get("lineIds")).hasSize(2);
        assertThat(item(pads).get("reserved").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void revising_makes_a_new_revision_and_leaves_work_orders_as_they_were() {
        String code = unique("REV").toUpperCase();
        define(code, null, null);
        String workOrder = newWorkOrder();
        assertThat(applyJob(workOrder, code).status()).isEqualTo(201);

        Api.Response revised = api.as(Role.MANAGER).patch("/api/catalogue/" + code, Map.of(
                "labourLines", List.of(Map.of("description", "Replace pads and discs", "hours", 3, "hourlyRate", 90))));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        JsonNode entry = readAfter(revised, Role.ADVISOR, "/api/catalogue/" + code).json();
        assertThat(entry.get("revision").asInt()).isEqualTo(2);
        assertThat(entry.get("hours").decimalValue()).isEqualByComparingTo("3");

        JsonNode before = detail(workOrder);
        assertThat(before.get("jobs").get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(before.get("labourLines").get(0).get("description").asString()).isEqualTo("Replace front pads");

        String later = newWorkOrder();
        assertThat(applyJob(later, code).status()).isEqualTo(201);
        JsonNode after = detail(later);
        assertThat(after.get("jobs").get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(after.get("totals").get("labour").decimalValue()).isEqualByComparingTo("270.00");
    }

    @Test
    void a_retired_entry_or_a_discontinued_part_adds_no_line_at_all() {
        String retiredCode = unique("OLD").toUpperCase();
        define(retiredCode, null, null);
        assertThat(api.as(Role.MANAGER).post("/api/catalogue/" + retiredCode + "/retire", null).status()).isEqualTo(200);
        assertThat(api.as(Role.MANAGER).post("/api/catalogue/" + retiredCode + "/retire", null).status()).isEqualTo(409);

        String filter = stockItem(5, "4.00");
        String staleCode = unique("STALE").toUpperCase();
        assertThat(define(staleCode, filter, null).status()).isEqualTo(201);
        assertThat(api.as(Role.MANAGER).post("/api/inventory/items/" + filter + "/discontinue", null).status())
                .isEqualTo(200);

        String workOrder = newWorkOrder();
        Api.Response retired = applyJob(workOrder, retiredCode);
        assertThat(retired.status()).isEqualTo(409);
        assertThat(retired.json().get("detail").asString()).contains("retired");
        Api.Response discontinued = applyJob(workOrder, staleCode);
        assertThat(discontinued.status()).isEqualTo(409);
        assertThat(discontinued.json().get("detail").asString()).contains("discontinued");
        assertThat(applyJob(workOrder, "NO-SUCH-" + unique("X")).status()).isEqualTo(409);

        settle();
        JsonNode detail = detail(workOrder);
        assertThat(detail.get("labourLines")).isEmpty();
        assertThat(detail.get("partLines")).isEmpty();
        assertThat(detail.get("jobs")).isEmpty();
        assertThat(detail.get("version").asLong()).isZero();
    }

    @Test
    void a_fixed_price_job_is_charged_at_its_price() {
        String code = unique("FIX").toUpperCase();
        String oil = stockItem(10, "20.00");
        assertThat(define(code, oil, new BigDecimal("99.00")).status()).isEqualTo(201);
        String workOrder = newWorkOrder();
        assertThat(applyJob(workOrder, code).status()).isEqualTo(201);
        settle();
        JsonNode totals = detail(workOrder).get("totals");
        assertThat(totals.get("labour").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(totals.get("parts").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void an_unknown_code_is_a_404_and_a_malformed_body_a_400() {
        assertThat(api.as(Role.ADVISOR).get("/api/catalogue/" + unique("NONE")).status()).isEqualTo(404);
        assertThat(api.as(Role.MANAGER).patch("/api/catalogue/" + unique("NONE"), Map.of("name", "x")).status())
                .isEqualTo(404);
        assertThat(api.as(Role.MANAGER).post("/api/catalogue", Map.of("code", "has space", "name", "n",
                "fixedPrice", 1)).status()).isEqualTo(400);
        assertThat(api.as(Role.MANAGER).post("/api/catalogue", Map.of("code", unique("EMPTY"), "name", "n")).status())
                .isEqualTo(400);
    }
}
