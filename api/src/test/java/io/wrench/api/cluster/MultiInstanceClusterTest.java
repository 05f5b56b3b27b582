package io.wrench.api.cluster;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.security.Role;
import io.wrench.api.dashboard.SseClient;
import io.wrench.api.support.Api;
import io.wrench.api.support.FailingProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, as {@code docker compose up --scale app=2} runs them:
 * started together on an empty database, sharing the segments, each event in each view exactly once
 * with the segments split between them, reads of one's writes through the other, conflicts as 409/412
 * across instances, a rebuild asked of one coordinated with the other, and take-over when one stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceClusterTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private Api a;
    private Api b;

    @BeforeAll
    void two_instances_start_together_on_an_empty_database() {
        ClusterInstances.emptyDatabase();
        CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(() -> ClusterInstances.start("node-a", FailingProjection.class));
        CompletableFuture<ConfigurableApplicationContext> two = CompletableFuture.supplyAsync(() -> ClusterInstances.start("node-b", FailingProjection.class));
        first = one.join();
        second = two.join();
        a = ClusterInstances.api(first);
        b = a.sharingTokensWith(ClusterInstances.port(second));
    }

    @AfterAll
    void stop() {
        if (second != null && second.isActive()) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @Order(1)
    void both_instances_are_ready_and_a_token_of_one_is_accepted_by_the_other() {
        assertThat(a.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(b.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(b.as(Role.ADVISOR).get("/api/customers?size=1").status())
                .as("the embedded issuer's key is shared through the database").isEqualTo(200);
    }

    @Test
    @Order(2)
    void the_segments_are_shared_fairly_between_the_instances() {
        TokenStoreView tokens = first.getBean(TokenStoreView.class);
        int total = tokens.segmentCounts().entrySet().stream()
                .mapToInt(Map.Entry::getValue).sum(); // every streaming processor in the token store
        awaitTrue(Duration.ofSeconds(60), () -> {
            Map<String, Integer> claims = tokens.claimsByOwner();
            return claims.getOrDefault("node-a", 0) >= total / 2 && claims.getOrDefault("node-b", 0) >= total / 2
                    && claims.values().stream().mapToInt(Integer::intValue).sum() == total;
        }, () -> "claims " + tokens.claimsByOwner() + " of " + total);
        for (String split : List.of("stock-item-projection", "stock-movement-projection")) {
            Map<String, Long> owners = new HashMap<>();
            tokens.segments(split).forEach(s -> owners.merge(s.owner(), 1L, Long::sum));
            assertThat(owners).as(split).containsOnlyKeys("node-a", "node-b");
        }
        JsonNode seenByA = a.as(Role.ADMIN).get("/api/admin/projections/stock-item-projection").json().get("segments");
        JsonNode seenByB = b.as(Role.ADMIN).get("/api/admin/projections/stock-item-projection").json().get("segments");
        assertThat(owners(seenByA)).as("every instance reports the same owners").isEqualTo(owners(seenByB));
    }

    @Test
    @Order(3)
    void every_event_reaches_every_view_exactly_once_and_reads_through_the_other_instance_see_it() {
        List<String> customers = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Api writer = i % 2 == 0 ? a : b;
            Api reader = i % 2 == 0 ? b : a;
            Api.Response created = writer.as(Role.ADVISOR).post("/api/customers",
                    Map.of("name", "Cluster " + RUN + " " + i, "email", "c" + i + "-" + RUN + "@example.com"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            customers.add(created.id());
            long started = System.nanoTime();
            Api.Response read = reader.as(Role.ADVISOR).header("X-Consistency-Token", created.consistencyToken())
                    .get("/api/customers/" + created.id());
            waits.add((System.nanoTime() - started) / 1_000_000);
            assertThat(read.status()).as("read through the other instance").isEqualTo(200);
            assertThat(read.header("X-Consistency")).isEqualTo("consistent");
        }
        System.out.println("[cluster] read-your-writes across instances, ms: " + waits);

        List<String> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api.Response item = (i % 2 == 0 ? a : b).as(Role.STOREKEEPER).post("/api/inventory/items", Map.of(
                    "sku", "CL-" + RUN + "-" + i, "name", "Cluster part " + i, "unit", "pcs", "reorderLevel", 1,
                    "unitCost", new BigDecimal("2.00")));
            assertThat(item.status()).as(item.toString()).isEqualTo(201);
            items.add(item.id());
        }
        Api.Response last = null;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < items.size(); i++) {
                last = (round + i) % 2 == 0
                        ? receive(a, items.get(i)) : receive(b, items.get(i));
                assertThat(last.status()).as(last.toString()).isEqualTo(200);
            }
        }
        for (Api reader : List.of(a, b)) {
            Api.Response list = reader.as(Role.ADVISOR).header("X-Consistency-Token", last.consistencyToken())
                    .get("/api/customers?search=" + RUN + "&size=100");
            assertThat(list.json().get("totalItems").asLong()).as("each customer once").isEqualTo(30);
            for (String item : items) {
                JsonNode detail = reader.as(Role.STOREKEEPER).header("X-Consistency-Token", last.consistencyToken())
                        .get("/api/inventory/items/" + item).json();
                assertThat(detail.get("onHand").decimalValue()).as("three receipts, each once").isEqualByComparingTo("15");
                JsonNode movements = reader.as(Role.STOREKEEPER).get("/api/inventory/items/" + item + "/movements").json();
                assertThat(movements.get("totalItems").asLong()).as("the ledger holds each receipt once").isEqualTo(3);
            }
        }
        if (!ClusterInstances.onAxonServer()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            Long registered = jdbc.queryForObject(
                    "select count(*) from domain_event_entry where payload_type like '%CustomerRegistered'", Long.class);
            Api.Response all = a.as(Role.ADVISOR).get("/api/customers?size=1");
            assertThat(all.json().get("totalItems").asLong()).isEqualTo(registered);
        }
    }

    private static Api.Response receive(Api api, String item) {
        return api.as(Role.STOREKEEPER).post("/api/inventory/items/" + item + "/receipts",
                Map.of("quantity", 5, "unitCost", new BigDecimal("2.00")));
    }

    @Test
    @Order(4)
    void a_dashboard_stream_on_either_instance_is_pushed_a_change_written_through_the_other() throws Exception {
        Api.Response customer = a.as(Role.ADVISOR).post("/api/customers",
                Map.of("name", "Streamed " + RUN, "email", "streamed-" + RUN + "@example.com"));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        for (Api reader : List.of(a, b)) {
            assertThat(reader.as(Role.MANAGER).header("X-Consistency-Token", customer.consistencyToken())
                    .get("/api/dashboard").header("X-Consistency")).isEqualTo("consistent");
        }
        try (SseClient onA = SseClient.connect(ClusterInstances.port(first), "/api/dashboard/stream",
                Map.of("Authorization", "Bearer " + a.token(Role.MANAGER)));
             SseClient onB = SseClient.connect(ClusterInstances.port(second), "/api/dashboard/stream",
                     Map.of("Authorization", "Bearer " + b.token(Role.MANAGER)))) {
            long before = openWorkOrders(onA.next(Duration.ofSeconds(10)));
            assertThat(openWorkOrders(onB.next(Duration.ofSeconds(10)))).isEqualTo(before);
            Api.Response opened = a.as(Role.ADVISOR).post("/api/work-orders",
                    Map.of("customerId", customer.id(), "description", "Streamed across instances"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            for (SseClient client : List.of(onA, onB)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                SseClient.Event push = client.next(Duration.ofSeconds(10));
                while (push != null && push != SseClient.END && openWorkOrders(push) == before
                        && System.nanoTime() < deadline) {
                    push = client.next(Duration.ofSeconds(10));
                }
                assertThat(push).as("a push for the new work order on " + (client == onA ? "a" : "b"))
                        .isNotNull().isNotSameAs(SseClient.END);
                assertThat(openWorkOrders(push)).isEqualTo(before + 1);
            }
        }
    }

    private static long openWorkOrders(SseClient.Event event) {
        assertThat(event).as("a dashboard document").isNotNull().isNotSameAs(SseClient.END);
        return Api.JSON.readTree(event.data()).get("workOrders").get("byStatus").get("OPEN").asLong();
    }

    @Test
    @Order(5)
    void races_sent_to_both_instances_answer_409_or_412_never_500() {
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = Map.of("name", "Race " + i, "email", "race" + i + "-" + RUN + "@example.com");
            CompletableFuture<Api.Response> one = CompletableFuture.supplyAsync(() -> a.as(Role.ADVISOR).post("/api/customers", body));
            CompletableFuture<Api.Response> two = CompletableFuture.supplyAsync(() -> b.as(Role.ADVISOR).post("/api/customers", body));
            List<Integer> statuses = new ArrayList<>(List.of(one.join().status(), two.join().status()));
            statuses.sort(null);
            assertThat(statuses).as("one e-mail, two instances").containsExactly(201, 409);
        }
        String id = a.as(Role.ADVISOR).post("/api/customers",
                Map.of("name", "Versioned", "email", "versioned-" + RUN + "@example.com")).id();
        assertThat(a.as(Role.ADVISOR).header("If-Match", "0").patch("/api/customers/" + id, Map.of("phone", "1")).status())
                .isEqualTo(200);
        Api.Response stale = b.as(Role.ADVISOR).header("If-Match", "0").patch("/api/customers/" + id, Map.of("phone", "2"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);

        List<CompletableFuture<Api.Response>> concurrent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api api = i % 2 == 0 ? a : b;
            String phone = "55" + i;
            concurrent.add(CompletableFuture.supplyAsync(() -> api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", phone))));
        }
        concurrent.forEach(f -> assertThat(f.join().status()).as("concurrent changes of one aggregate on two instances")
                .isIn(200, 409));
    }

    /** Each instance caches the aggregates it handled (CheckedAggregateCache): a write of the other must not be missed. */
    @Test
    @Order(4)
    void an_instance_never_decides_on_a_cached_aggregate_the_other_instance_has_changed() {
        String id = a.as(Role.ADVISOR).post("/api/customers",
                Map.of("name", "Cached", "email", "cached-" + RUN + "@example.com")).id();
        for (int version = 0; version < 6; version += 2) {
            Api.Response onA = a.as(Role.ADVISOR).header("If-Match", String.valueOf(version))
                    .patch("/api/customers/" + id, Map.of("phone", "a" + version));
            assertThat(onA.status()).as("a, If-Match " + version + ": " + onA).isEqualTo(200);
            Api.Response onB = b.as(Role.ADVISOR).header("If-Match", String.valueOf(version + 1))
                    .patch("/api/customers/" + id, Map.of("phone", "b" + version));
            assertThat(onB.status()).as("b, If-Match " + (version + 1) + ": " + onB).isEqualTo(200);
        }
        assertThat(a.as(Role.ADVISOR).header("If-Match", "5").patch("/api/customers/" + id, Map.of("phone", "x")).status())
                .as("a version a has never seen is stale all the same").isEqualTo(412);

        String item = a.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of("sku", "CACHED-" + RUN, "name", "Cached",
                "unit", "pcs", "reorderLevel", 0, "unitCost", new BigDecimal("1.00"))).id();
        assertThat(a.as(Role.STOREKEEPER).post("/api/inventory/items/" + item + "/adjustments",
                Map.of("quantityDelta", -1, "reason", "none on hand yet")).status()).isEqualTo(409);
        assertThat(b.as(Role.STOREKEEPER).post("/api/inventory/items/" + item + "/receipts",
                Map.of("quantity", 3, "unitCost", new BigDecimal("1.00"))).status()).isEqualTo(200);
        Api.Response taken = a.as(Role.STOREKEEPER).post("/api/inventory/items/" + item + "/adjustments",
                Map.of("quantityDelta", -3, "reason", "the other instance received them"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void a_rebuild_asked_of_one_instance_is_built_there_while_both_serve_and_both_switch_to_it() throws InterruptedException {
        String gateSku = "CL-GATE-" + RUN;
        Api.Response gated = a.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of("sku", gateSku,
                "name", "Gate part", "unit", "pcs", "reorderLevel", 1, "unitCost", new BigDecimal("2.00")));
        assertThat(gated.status()).as(gated.toString()).isEqualTo(201);
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(instance.getBean(ProjectionAdmin.class).awaitCaughtUp("stock-item-projection", Duration.ofSeconds(60)))
                    .isTrue();
        }
        String before = a.as(Role.STOREKEEPER).get("/api/inventory/items?size=200&sort=sku,asc").body();
        Api.Response during;
        // the copy fails on the gate item's registration (the live view handled it long ago) and parks it
        FailingProjection.failFor(gateSku);
        try {
            Api.Response rebuild = b.as(Role.ADMIN).post("/api/admin/projections/stock-item-projection/rebuild", null);
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
            assertThat(a.as(Role.ADMIN).post("/api/admin/projections/stock-item-projection/rebuild", null).status())
                    .as("a second request, on the other instance").isEqualTo(409);
            TokenStoreView tokens = first.getBean(TokenStoreView.class);
            awaitTrue(Duration.ofSeconds(30), () -> {
                List<TokenStoreView.StoredSegment> copy = tokens.segments("stock-item-projection@copy");
                return copy.size() == 4 && copy.stream().allMatch(s -> "node-b".equals(s.owner()));
            }, () -> "copy segments " + tokens.segments("stock-item-projection@copy"));
            for (Api instance : List.of(a, b)) {
                JsonNode status = instance.as(Role.ADMIN).get("/api/admin/projections/stock-item-projection").json();
                assertThat(status.get("state").asString()).isEqualTo("REBUILDING");
                assertThat(status.get("lastRebuild").get("instance").asString()).isEqualTo("node-b");
            }
            assertThat(b.as(Role.STOREKEEPER).get("/api/inventory/items?size=200&sort=sku,asc").body())
                    .as("both instances keep serving the live view").isEqualTo(before);
            during = a.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of("sku", "CL-DURING-" + RUN,
                    "name", "During part", "unit", "pcs", "reorderLevel", 1, "unitCost", new BigDecimal("2.00")));
            assertThat(during.status()).isEqualTo(201);
            Api.Response read = b.as(Role.STOREKEEPER).header("X-Consistency-Token", during.consistencyToken())
                    .get("/api/inventory/items/" + during.id());
            assertThat(read.status()).as("the live view follows new events during the rebuild").isEqualTo(200);
            assertThat(read.header("X-Consistency")).isEqualTo("consistent");
        } finally {
            FailingProjection.heal(gateSku);
        }
        // the copy parked the gate item's registration in its own queue and does not switch while it holds it:
        // retried, from the other instance (the copy's handlers and tables are the same there), it goes through
        RebuildCoordinator rebuilds = first.getBean(RebuildCoordinator.class);
        awaitTrue(Duration.ofSeconds(60), () -> {
            if (!rebuilds.rebuilding("stock-item-projection")) {
                return true;
            }
            Api.Response retried = a.as(Role.ADMIN).post(
                    "/api/admin/dead-letters/retry-all?projection=stock-item-projection@copy", null);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            return false;
        }, () -> "the copy's letters " + a.as(Role.ADMIN).get("/api/admin/dead-letters?projection=stock-item-projection@copy").body());
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(instance.getBean(ProjectionAdmin.class).awaitCaughtUp("stock-item-projection", Duration.ofSeconds(120)))
                    .isTrue();
        }
        awaitTrue(Duration.ofSeconds(30), () -> {
            JsonNode status = a.as(Role.ADMIN).get("/api/admin/projections/stock-item-projection").json();
            return status.get("state").asString().equals("LIVE") && owners(status.get("segments")).stream().allMatch(o -> !o.isEmpty());
        }, () -> a.as(Role.ADMIN).get("/api/admin/projections/stock-item-projection").body());
        String afterA = a.as(Role.STOREKEEPER).get("/api/inventory/items?size=200&sort=sku,asc").body();
        assertThat(b.as(Role.STOREKEEPER).get("/api/inventory/items?size=200&sort=sku,asc").body())
                .as("both instances read the switched-in copy").isEqualTo(afterA);
        assertThat(afterA).contains("CL-DURING-" + RUN);
        assertThat(itemsWithout(afterA, "CL-DURING-" + RUN))
                .as("apart from the item made during the rebuild, the rebuilt view equals the one before")
                .isEqualTo(itemsWithout(before, "CL-DURING-" + RUN));
        assertThat(b.as(Role.STOREKEEPER).header("X-Consistency-Token", during.consistencyToken())
                .get("/api/inventory/items/" + during.id()).header("X-Consistency"))
                .as("a token issued during the rebuild, honoured by the copy").isEqualTo("consistent");
        JsonNode last = a.as(Role.ADMIN).get("/api/admin/projections/stock-item-projection").json().get("lastRebuild");
        assertThat(last.get("instance").asString()).isEqualTo("node-b");
        assertThat(last.get("switchedAt").isNull()).isFalse();
        assertThat(first.getBean(TokenStoreView.class).segments("stock-item-projection@copy")).isEmpty();
    }

    private static List<String> itemsWithout(String page, String sku) {
        List<String> items = new ArrayList<>();
        Api.JSON.readTree(page).get("items").forEach(item -> {
            if (!item.get("sku").asString().equals(sku)) {
                items.add(item.toString());
            }
        });
        return items;
    }

    @Test
    @Order(7)
    void when_an_instance_stops_the_other_takes_over_all_of_its_segments() {
        second.close();
        TokenStoreView tokens = first.getBean(TokenStoreView.class);
        int total = tokens.segmentCounts().entrySet().stream()
                .mapToInt(Map.Entry::getValue).sum(); // every streaming processor in the token store
        awaitTrue(Duration.ofSeconds(60), () -> tokens.claimsByOwner().getOrDefault("node-a", 0) == total,
                () -> "claims " + tokens.claimsByOwner());
        Api.Response created = a.as(Role.ADVISOR).post("/api/customers",
                Map.of("name", "After Take-over", "email", "after-" + RUN + "@example.com"));
        Api.Response read = a.as(Role.ADVISOR).header("X-Consistency-Token", created.consistencyToken())
                .get("/api/customers/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Consistency")).isEqualTo("consistent");
    }

    private static List<String> owners(JsonNode segments) {
        List<String> owners = new ArrayList<>();
        segments.forEach(s -> owners.add(s.get("owner").isNull() ? "" : s.get("owner").asString()));
        return owners;
    }

    private static void awaitTrue(Duration max, BooleanSupplier condition, java.util.function.Supplier<String> describe) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + max.toSeconds() + " s: " + describe.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
