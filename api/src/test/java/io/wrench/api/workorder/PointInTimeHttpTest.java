package io.wrench.api.workorder;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ?asOf=} on the three detail resources. A scripted history runs on a clock the test sets
 * (Axon stamps each event with it): after each step, once every processor has caught up, the live
 * details of the work order, its customer and the stock item are captured; then, for every captured
 * instant (and a moment after it), {@code asOf} must answer exactly that JSON, including what the
 * work order showed from other aggregates then (the customer's name, a part line's stock status).
 */
class PointInTimeHttpTest extends WorkOrderTestSupport {

    private final Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private record Captured(Instant at, JsonNode workOrder, JsonNode customer, JsonNode item) {
    }

    @AfterEach
    void realClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    private void at(int minute) {
        GenericEventMessage.clock = Clock.fixed(start.plus(minute, ChronoUnit.MINUTES), ZoneOffset.UTC);
    }

    private JsonNode live(String path) {
        Api.Response response = api.as(Role.MANAGER).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Api.Response asOf(Role role, String path, Instant at) {
        return api.as(role).get(path + "?asOf=" + at);
    }

    @Test
    void every_detail_as_of_each_step_is_exactly_what_it_was_then() {
        List<Captured> captured = new ArrayList<>();
        String[] ids = new String[3];
        Supplier<String> workOrder = () -> "/api/work-orders/" + ids[0];
        Supplier<String> customer = () -> "/api/customers/" + ids[1];
        Supplier<String> item = () -> "/api/inventory/items/" + ids[2];
        Runnable capture = () -> {
            settle();
            captured.add(new Captured(GenericEventMessage.clock.instant(),
                    ids[0] == null ? null : live(workOrder.get()), live(customer.get()), live(item.get())));
        };

        at(0);
        ids[1] = newCustomer(unique("Then"));
        ids[2] = stockItem(10, "4.00");
        capture.run();

        at(1);
        Api.Response asset = api.as(Role.ADVISOR).post(customer.get() + "/assets",
                Map.of("kind", "VEHICLE", "make", "Volvo", "model", "V70", "year", 2011, "licensePlate", "OLD 1"));
        assertThat(asset.status()).as(asset.toString()).isEqualTo(201);
        Api.Response opened = api.as(Role.ADVISOR).post("/api/work-orders", Map.of("customerId", ids[1],
                "assetId", asset.id(), "description", "As it was"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        ids[0] = opened.id();
        capture.run();

        at(2);
        assertThat(api.as(Role.ADVISOR).post(workOrder.get() + "/labour", Map.of("description", "Diagnose",
                "hours", new BigDecimal("1.5"), "hourlyRate", new BigDecimal("80.00"))).status()).isEqualTo(201);
        assertThat(api.as(Role.ADVISOR).post(workOrder.get() + "/parts", Map.of("itemId", ids[2], "quantity", 3))
                .status()).isEqualTo(201);
        capture.run();
        assertThat(captured.get(2).workOrder().get("partLines").get(0).get("status").asString()).isEqualTo("RESERVED");

        at(3);
        assertThat(api.as(Role.ADVISOR).patch(customer.get(), Map.of("name", unique("Renamed"))).status()).isEqualTo(200);
        capture.run();

        at(4);
        assertThat(action(Role.ADVISOR, ids[0], "approve", null).status()).isEqualTo(200);
        assertThat(action(Role.MANAGER, ids[0], "assign", Map.of("technician", "technician-client")).status())
                .isEqualTo(200);
        assertThat(action(Role.TECHNICIAN, ids[0], "start", null).status()).isEqualTo(200);
        capture.run();

        at(5);
        assertThat(action(Role.TECHNICIAN, ids[0], "scans", Map.of("stage", "diagnosis", "note", "worn")).status())
                .isEqualTo(201);
        assertThat(action(Role.TECHNICIAN, ids[0], "inspections", Map.of("result", "PASS", "notes", "road test"))
                .status()).isEqualTo(201);
        Api.Response completed = action(Role.TECHNICIAN, ids[0], "complete", null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        capture.run();
        assertThat(captured.get(5).workOrder().get("partLines").get(0).get("status").asString()).isEqualTo("ISSUED");
        GenericEventMessage.clock = Clock.systemUTC();

        for (Captured then : captured) {
            for (Instant at : List.of(then.at(), then.at().plusSeconds(30))) {
                if (then.workOrder() != null) {
                    assertAsOf(workOrder.get(), at, then.workOrder());
                }
                assertAsOf(customer.get(), at, then.customer());
                assertAsOf(item.get(), at, then.item());
            }
        }
        assertThat(captured.get(1).workOrder().get("customer").get("name"))
                .isNotEqualTo(captured.get(3).workOrder().get("customer").get("name"));
    }

    private void assertAsOf(String path, Instant at, JsonNode expected) {
        Api.Response then = asOf(Role.AUDITOR, path, at);
        assertThat(then.status()).as(path + " as of " + at + ": " + then).isEqualTo(200);
        assertThat(then.header("X-As-Of")).isEqualTo(at.toString());
        assertThat(then.json()).as(path + " as of " + at).isEqualTo(expected);
        assertThat(then.header("ETag")).isEqualTo("\"" + expected.get("version").asLong() + "\"");
    }

    @Test
    void before_it_existed_is_404_a_malformed_instant_400_and_only_history_roles_may_ask() {
        String customer = newCustomer(unique("Later"));
        Instant before = Instant.now().minus(1, ChronoUnit.HOURS);
        String path = "/api/customers/" + customer;

        Api.Response missing = asOf(Role.AUDITOR, path, before);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(asOf(Role.AUDITOR, "/api/work-orders/" + java.util.UUID.randomUUID(), Instant.now()).status())
                .isEqualTo(404);

        Api.Response malformed = api.as(Role.AUDITOR).get(path + "?asOf=yesterday");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.body()).contains("asOf");

        settle();
        assertThat(asOf(Role.MANAGER, path, Instant.now()).status()).isEqualTo(200);
        assertThat(asOf(Role.ADMIN, path, Instant.now()).status()).isEqualTo(200);
        for (Role role : List.of(Role.ADVISOR, Role.TECHNICIAN, Role.STOREKEEPER, Role.ANALYST)) {
            assertThat(asOf(role, path, Instant.now()).status()).as(role + " asking as of").isEqualTo(403);
            assertThat(api.as(role).get(path).status()).as(role + " reading now").isEqualTo(200);
        }
    }
}
