package io.wrench.api.admin;

import io.wrench.api.support.Waiting;
import io.wrench.api.cluster.RebuildCoordinator;
import io.wrench.api.cluster.WriteFailureIsolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.FailingProjection;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections' dead-letter queue: a stock item whose registration the projection fails on
 * ({@link FailingProjection}) is parked with every later event of that item, while other items go on;
 * operators list, retry, retry all and evict (with a recorded reason) over HTTP.
 */
class DeadLetterHttpTest extends HttpTestSupport {

    private static final String PROJECTION = "stock-item-projection";
    private static final String ITEMS = "/api/inventory/items";

    @Autowired
    ProjectionAdmin admin;
    @Autowired
    RebuildCoordinator rebuilds;

    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("eventProcessorsHealthIndicator")
    HealthIndicator processorsHealth;

    @Test
    void a_failing_event_is_parked_with_its_sequence_while_the_rest_goes_on_and_a_retry_after_the_fix_applies_it_in_order() {
        String sku = unique("FAIL");
        FailingProjection.failFor(sku);
        try {
            Api.Response broken = newStockItem(sku, "Parked item");
            String item = broken.id();
            Api.Response received = api.as(Role.STOREKEEPER).post(ITEMS + "/" + item + "/receipts",
                    Map.of("quantity", 4, "unitCost", 2));
            assertThat(received.status()).as(received.toString()).isEqualTo(200);
            // another item, registered after, reaches the view: the projection goes on
            Api.Response healthy = newStockItem(unique("OK"), "Healthy item");
            assertThat(readAfter(healthy, Role.STOREKEEPER, ITEMS + "/" + healthy.id()).status()).isEqualTo(200);
            assertThat(readAfter(received, Role.STOREKEEPER, ITEMS + "/" + item).status())
                    .as("the parked item is not in the view").isEqualTo(404);

            // registration, the low-stock warning it raised (nothing on hand), the receipt: in their order
            List<JsonNode> parked = lettersOf(item);
            assertThat(parked).extracting(l -> l.get("eventType").asString())
                    .containsExactly("StockItemRegistered", "LowStockDetected", "StockReceived");
            assertThat(parked).extracting(l -> l.get("aggregateSequence").asLong()).containsExactly(0L, 1L, 2L);
            JsonNode first = parked.get(0);
            assertThat(first.get("waiting").asBoolean()).isFalse();
            assertThat(first.get("eventType").asString()).isEqualTo("StockItemRegistered");
            assertThat(first.get("causeType").asString()).isEqualTo(IllegalStateException.class.getName());
            assertThat(first.get("causeMessage").asString()).contains(sku);
            assertThat(first.get("attempts").asInt()).isEqualTo(1);
            assertThat(first.get("firstFailure").isNull()).isFalse();
            JsonNode behind = parked.get(2);
            assertThat(behind.get("waiting").asBoolean()).as("the receipt waits behind the registration").isTrue();
            assertThat(behind.get("attempts").asInt()).isZero();
            assertThat(behind.get("causeType").isNull()).isTrue();

            JsonNode status = api.as(Role.ANALYST).get("/api/admin/projections/" + PROJECTION).json();
            assertThat(status.get("state").asString()).isEqualTo("PARKED_EVENTS");
            assertThat(status.get("deadLetters").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(meters.get("wrench.projection.dead-letters").tag("projection", PROJECTION).gauge().value())
                    .isGreaterThanOrEqualTo(3);
            Health health = processorsHealth.health();
            assertThat(health.getStatus()).as("parked events are a warning, not DOWN").isEqualTo(Status.UP);
            assertThat(health.getDetails().get("warnings").toString()).contains(PROJECTION);

            // a retry before the fix fails again: still parked, one attempt more
            Api.Response again = api.as(Role.ANALYST).post("/api/admin/dead-letters/" + first.get("id").asString() + "/retry", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().get("succeeded").asBoolean()).isFalse();
            assertThat(again.json().get("remaining").asLong()).isEqualTo(3);
            JsonNode retried = lettersOf(item).get(0);
            assertThat(retried.get("attempts").asInt()).isEqualTo(2);
            assertThat(Instant.parse(retried.get("lastFailure").asString()))
                    .isAfterOrEqualTo(Instant.parse(retried.get("firstFailure").asString()));

            FailingProjection.heal(sku);
            Api.Response fixed = api.as(Role.ADMIN).post("/api/admin/dead-letters/" + first.get("id").asString() + "/retry", null);
            assertThat(fixed.status()).isEqualTo(200);
            assertThat(fixed.json().get("succeeded").asBoolean()).isTrue();
            assertThat(fixed.json().get("remaining").asLong()).isZero();
            assertThat(lettersOf(item)).isEmpty();
            JsonNode view = api.as(Role.STOREKEEPER).get(ITEMS + "/" + item).json();
            assertThat(view.get("onHand").decimalValue()).as("the receipt applied after the registration")
                    .isEqualByComparingTo("4");

            // with the sequence gone, the item's next event is handled live again
            Api.Response more = api.as(Role.STOREKEEPER).post(ITEMS + "/" + item + "/receipts", Map.of("quantity", 1, "unitCost", 2));
            assertThat(readAfter(more, Role.STOREKEEPER, ITEMS + "/" + item).json().get("onHand").decimalValue())
                    .isEqualByComparingTo("5");
            assertThat(lettersOf(item)).isEmpty();
        } finally {
            FailingProjection.heal(sku);
        }
    }

    @Test
    void an_event_whose_changes_cannot_be_written_at_commit_is_parked_too_and_the_projection_goes_on() {
        // the handlers run fine; a row of the batch fails when it is written at the commit, which no handler sees
        String sku = unique("WIDE");
        FailingProjection.failAtWriteFor(sku);
        try {
            String item = newStockItem(sku, "Unwritable item").id();
            // the batch fails, and again on the processor's next try (back-off 1 s, 2 s), which finds the event
            await(() -> !lettersOf(item).isEmpty(), "the unwritable event parked");
            List<JsonNode> parked = lettersOf(item);
            assertThat(parked.get(0).get("eventType").asString()).isEqualTo("StockItemRegistered");
            JsonNode letter = parked.get(0);
            assertThat(letter.get("causeType").asString()).isEqualTo(WriteFailureIsolation.FailedAtWrite.class.getName());
            assertThat(letter.get("causeMessage").asString()).contains("could not be written")
                    .contains(letter.get("eventId").asString());
            assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "/" + item).status()).isEqualTo(404);
            JsonNode status = api.as(Role.ANALYST).get("/api/admin/projections/" + PROJECTION).json();
            assertThat(status.get("state").asString()).isEqualTo("PARKED_EVENTS");

            // the segment it stopped goes on, and is written in batches again; whichever segment an item falls
            // in, it reaches the view (the read waits for every segment to pass its position)
            for (int i = 0; i < 8; i++) {
                Api.Response later = newStockItem(unique("LATER"), "Registered later");
                assertThat(readAfter(later, Role.STOREKEEPER, ITEMS + "/" + later.id()).status()).isEqualTo(200);
            }

            // a retry fails the same way (the letter stays) instead of an error
            Api.Response again = api.as(Role.ADMIN).post("/api/admin/dead-letters/" + letter.get("id").asString()
                    + "/retry", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().get("succeeded").asBoolean()).isFalse();
            assertThat(lettersOf(item)).isNotEmpty();

            // fixed, it goes through with the events waiting behind it
            FailingProjection.heal(sku);
            Api.Response fixed = api.as(Role.ADMIN).post("/api/admin/dead-letters/" + letter.get("id").asString()
                    + "/retry", null);
            assertThat(fixed.json().get("succeeded").asBoolean()).as(fixed.toString()).isTrue();
            assertThat(lettersOf(item)).isEmpty();
            assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "/" + item).status()).isEqualTo(200);
        } finally {
            FailingProjection.heal(sku);
        }
    }

    @Test
    void a_rebuild_copy_parks_what_it_fails_on_and_switches_only_once_its_letters_are_retried_or_evicted()
            throws InterruptedException {
        String sku = unique("COPY");
        Api.Response registered = newStockItem(sku, "Fails only in the copy");
        String item = registered.id();
        String before = readAfter(registered, Role.STOREKEEPER, ITEMS + "/" + item).body();
        FailingProjection.failFor(sku);
        String copy = PROJECTION + "@copy";
        try {
            Api.Response accepted = api.as(Role.ANALYST).post("/api/admin/projections/" + PROJECTION + "/rebuild", null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            await(() -> !lettersOf(copy, item).isEmpty(), "the copy parking the item's registration");
            assertThat(lettersOf(copy, item).get(0).get("eventType").asString()).isEqualTo("StockItemRegistered");
            assertThat(lettersOf(PROJECTION, item)).as("the live view's queue is not the copy's").isEmpty();

            // the copy goes on past the head, but does not switch while it holds letters
            long head = admin.head();
            await(() -> rebuilds.progress(PROJECTION).map(p -> p.position() >= head).orElse(false), "the copy at the head");
            Thread.sleep(3000);
            assertThat(rebuilds.rebuilding(PROJECTION)).as("no switch with parked events").isTrue();
            JsonNode status = api.as(Role.ANALYST).get("/api/admin/projections/" + PROJECTION).json();
            assertThat(status.get("state").asString()).isEqualTo("REBUILDING");
            assertThat(status.get("lastRebuild").get("copyDeadLetters").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "/" + item).body()).as("the live view serves meanwhile")
                    .isEqualTo(before);

            FailingProjection.heal(sku);
            Api.Response retried = api.as(Role.ADMIN).post("/api/admin/dead-letters/retry-all?projection=" + copy, null);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            await(() -> !rebuilds.rebuilding(PROJECTION), "the switch once the copy's queue is empty");
            assertThat(letters(copy)).isEmpty();
            assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "/" + item).body()).as("the retried event is in the copy")
                    .isEqualTo(before);
        } finally {
            FailingProjection.heal(sku);
        }
    }

    @Test
    void an_eviction_needs_a_reason_and_is_recorded_with_who_asked() {
        String sku = unique("EVICT");
        FailingProjection.failFor(sku);
        try {
            String item = newStockItem(sku, "Evicted item").id();
            String id = awaitLetters(item).get(0).get("id").asString();

            assertThat(api.as(Role.MANAGER).delete("/api/admin/dead-letters/" + id + "?reason=x").status()).isEqualTo(403);
            Api.Response noReason = api.as(Role.ADMIN).delete("/api/admin/dead-letters/" + id);
            assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
            assertThat(api.as(Role.ADMIN).delete("/api/admin/dead-letters/" + id + "?reason=%20%20").status()).isEqualTo(400);
            assertThat(lettersOf(item)).as("a refused eviction changes nothing").hasSize(2);

            Api.Response evicted = api.as(Role.ANALYST).delete("/api/admin/dead-letters/" + id
                    + "?reason=registered%20twice%20by%20mistake");
            assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
            assertThat(evicted.json().get("reason").asString()).isEqualTo("registered twice by mistake");
            assertThat(evicted.json().get("evictedBy").asString()).isEqualTo("analyst-client");
            assertThat(evicted.json().get("aggregateId").asString()).isEqualTo(item);
            assertThat(evicted.json().get("remaining").asLong()).as("the low-stock warning still waits").isEqualTo(1);
            assertThat(lettersOf(item)).extracting(l -> l.get("eventType").asString()).containsExactly("LowStockDetected");
            assertThat(api.as(Role.ADMIN).delete("/api/admin/dead-letters/" + id + "?reason=again").status()).isEqualTo(404);

            JsonNode recorded = null;
            for (JsonNode eviction : api.as(Role.ADMIN).get("/api/admin/dead-letters/evictions?projection=" + PROJECTION).json()) {
                if (eviction.get("id").asString().equals(id)) {
                    recorded = eviction;
                }
            }
            assertThat(recorded).as("the eviction is on record").isNotNull();
            assertThat(recorded.get("reason").asString()).isEqualTo("registered twice by mistake");
            assertThat(recorded.get("eventType").asString()).isEqualTo("StockItemRegistered");
            assertThat(recorded.get("causeType").asString()).isEqualTo(IllegalStateException.class.getName());
        } finally {
            FailingProjection.heal(sku);
        }
    }

    @Test
    void retry_all_lets_every_healed_sequence_through() {
        String one = unique("ALL1");
        String two = unique("ALL2");
        FailingProjection.failFor(one);
        FailingProjection.failFor(two);
        try {
            String first = newStockItem(one, "Retried one").id();
            String second = newStockItem(two, "Retried two").id();
            awaitLetters(first);
            awaitLetters(second);
            FailingProjection.heal(one);
            FailingProjection.heal(two);
            Api.Response all = api.as(Role.ADMIN).post("/api/admin/dead-letters/retry-all?projection=" + PROJECTION, null);
            assertThat(all.status()).as(all.toString()).isEqualTo(200);
            assertThat(all.json().get("succeeded").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "/" + first).status()).isEqualTo(200);
            assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "/" + second).status()).isEqualTo(200);
        } finally {
            FailingProjection.heal(one);
            FailingProjection.heal(two);
        }
    }

    @Test
    void bad_input_is_a_4xx_that_changes_nothing() {
        assertThat(api.as(Role.ADMIN).get("/api/admin/dead-letters?projection=nonsense").status()).isEqualTo(400);
        assertThat(api.as(Role.ADMIN).post("/api/admin/dead-letters/retry-all?projection=PartsProcessProcessor", null)
                .status()).as("the saga has no dead-letter queue").isEqualTo(400);
        assertThat(api.as(Role.ADMIN).post("/api/admin/dead-letters/no-such-letter/retry", null).status()).isEqualTo(404);
        assertThat(api.as(Role.ADMIN).get("/api/admin/dead-letters/evictions?limit=0").status()).isEqualTo(400);
        assertThat(api.as(Role.TECHNICIAN).get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(api.as(Role.ANALYST).get("/api/admin/dead-letters").status()).isEqualTo(200);
    }

    private List<JsonNode> lettersOf(String aggregateId) {
        return lettersOf(PROJECTION, aggregateId);
    }

    private List<JsonNode> lettersOf(String projection, String aggregateId) {
        List<JsonNode> letters = new ArrayList<>();
        for (JsonNode letter : letters(projection)) {
            if (aggregateId.equals(letter.get("aggregateId").asString())) {
                letters.add(letter);
            }
        }
        return letters;
    }

    private List<JsonNode> letters(String projection) {
        Api.Response list = api.as(Role.ANALYST).get("/api/admin/dead-letters?projection=" + projection);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        list.json().forEach(letters::add);
        return letters;
    }

    /** The projection handles events asynchronously: wait (bounded) until the item's two events are parked. */
    private List<JsonNode> awaitLetters(String aggregateId) {
        List<List<JsonNode>> seen = new ArrayList<>();
        await(() -> {
            seen.add(0, lettersOf(aggregateId));
            return seen.get(0).size() == 2;
        }, "registration and low-stock warning of " + aggregateId);
        return seen.get(0);
    }

    static void await(BooleanSupplier condition, String what) {
        Waiting.until(condition, Duration.ofSeconds(30), Duration.ofMillis(50), what);
    }
}
