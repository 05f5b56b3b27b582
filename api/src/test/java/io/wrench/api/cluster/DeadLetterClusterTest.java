package io.wrench.api.cluster;

import io.wrench.api.support.Waiting;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.FailingProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dead letters with two instances on one PostgreSQL database: the instance that owns the failing
 * item's segment parks it; both report the same letters and state; a retry asked of the other
 * instance (which does not own that segment) applies the parked events, and the owner then handles
 * the item's next event live; an eviction through one is on record for the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterClusterTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String PROJECTION = "stock-item-projection";

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private Api a;
    private Api b;

    @BeforeAll
    void two_instances() {
        ClusterInstances.emptyDatabase();
        CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(
                () -> ClusterInstances.start("dl-a", FailingProjection.class));
        CompletableFuture<ConfigurableApplicationContext> two = CompletableFuture.supplyAsync(
                () -> ClusterInstances.start("dl-b", FailingProjection.class));
        first = one.join();
        second = two.join();
        a = ClusterInstances.api(first);
        b = a.sharingTokensWith(ClusterInstances.port(second));
        // both instances hold segments of the projection, so its items are split between them
        awaitTrue(() -> localSegments(first) > 0 && localSegments(second) > 0, "both instances own segments of " + PROJECTION);
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void a_letter_parked_by_the_owner_is_retried_through_the_other_instance_and_evictions_are_shared() {
        String sku = "DLC-" + RUN;
        FailingProjection.failFor(sku);
        String item;
        try {
            item = register(a, sku);
            awaitTrue(() -> letters(a, item).size() == 2, "the registration and its low-stock warning parked");
            assertThat(letters(b, item)).as("every instance lists the same letters")
                    .extracting(l -> l.get("id").asString())
                    .containsExactlyElementsOf(letters(a, item).stream().map(l -> l.get("id").asString()).toList());
            for (Api instance : List.of(a, b)) {
                JsonNode status = instance.as(Role.ADMIN).get("/api/admin/projections/" + PROJECTION).json();
                assertThat(status.get("state").asString()).isEqualTo("PARKED_EVENTS");
            }
        } finally {
            FailingProjection.heal(sku);
        }
        // the retry runs on the instance that does not own the item's segment
        boolean ownedByFirst = owns(first, item);
        assertThat(ownedByFirst).as("exactly one instance owns the item's segment").isNotEqualTo(owns(second, item));
        Api other = ownedByFirst ? b : a;
        Api owner = ownedByFirst ? a : b;
        Api.Response retried = other.as(Role.ANALYST).post("/api/admin/dead-letters/"
                + letters(other, item).get(0).get("id").asString() + "/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("succeeded").asBoolean()).isTrue();
        assertThat(letters(owner, item)).isEmpty();
        assertThat(owner.as(Role.STOREKEEPER).get("/api/inventory/items/" + item).status()).isEqualTo(200);

        // the owner handles the item's next event live (its sequence is no longer parked)
        Api.Response received = other.as(Role.STOREKEEPER).post("/api/inventory/items/" + item + "/receipts",
                Map.of("quantity", 3, "unitCost", 2));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        JsonNode read = owner.as(Role.STOREKEEPER).header("X-Consistency-Token", received.consistencyToken())
                .get("/api/inventory/items/" + item).json();
        assertThat(read.get("onHand").decimalValue()).isEqualByComparingTo("3");
        assertThat(letters(a, item)).isEmpty();

        // an eviction asked of one instance is on record for the other
        String evictedSku = "DLE-" + RUN;
        FailingProjection.failFor(evictedSku);
        try {
            String evictedItem = register(b, evictedSku);
            awaitTrue(() -> letters(b, evictedItem).size() == 2, "the second item parked");
            String id = letters(b, evictedItem).get(0).get("id").asString();
            assertThat(a.as(Role.ADMIN).delete("/api/admin/dead-letters/" + id + "?reason=duplicate%20" + RUN).status())
                    .isEqualTo(200);
            JsonNode evictions = b.as(Role.ADMIN).get("/api/admin/dead-letters/evictions?projection=" + PROJECTION).json();
            List<String> reasons = new ArrayList<>();
            evictions.forEach(e -> reasons.add(e.get("reason").asString()));
            assertThat(reasons).contains("duplicate " + RUN);
        } finally {
            FailingProjection.heal(evictedSku);
        }
    }

    private static String register(Api api, String sku) {
        Api.Response created = api.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of("sku", sku, "name", "Cluster " + sku,
                "unit", "pcs", "reorderLevel", 5, "unitCost", new BigDecimal("8.50"), "location", "A-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static List<JsonNode> letters(Api api, String aggregateId) {
        Api.Response list = api.as(Role.ADMIN).get("/api/admin/dead-letters?projection=" + PROJECTION);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        list.json().forEach(l -> {
            if (aggregateId.equals(l.get("aggregateId").asString())) {
                letters.add(l);
            }
        });
        return letters;
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext instance) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PROJECTION, StreamingEventProcessor.class).orElseThrow();
    }

    private static int localSegments(ConfigurableApplicationContext instance) {
        return processor(instance).processingStatus().size();
    }

    private static boolean owns(ConfigurableApplicationContext instance, String aggregateId) {
        return processor(instance).processingStatus().values().stream()
                .anyMatch(status -> status.getSegment().matches(aggregateId));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Waiting.until(condition, Duration.ofSeconds(60), Duration.ofMillis(100), what);
    }
}
