package io.wrench.api.inventory;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.api.web.ErrorAdvice;
import io.wrench.command.inventory.messages.RegisterStockItem;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands racing for the same thing, sent through the gateway from many threads at once: the same SKU
 * registered twice (the registry's unique index decides), and many work-order lines reserving one item
 * (there is no REST endpoint for reservations; the parts process sends them).
 */
class InventoryConcurrencyHttpTest extends HttpTestSupport {

    private static final int ON_HAND = 10;
    private static final int REQUESTS = 30;
    private static final int REGISTRATIONS = 8;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Test
    void of_parallel_registrations_of_one_sku_exactly_one_wins() throws Exception {
        String sku = unique("TWIN");
        ExecutorService pool = Executors.newFixedThreadPool(REGISTRATIONS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            RegisterStockItem register = new RegisterStockItem(StockItemId.random(), i % 2 == 0 ? sku : sku.toLowerCase(),
                    "Twin " + i, "pcs", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    commands.sendAndWait(register);
                    return null;
                } catch (RuntimeException refused) {
                    return ErrorAdvice.detailsOf(refused).map(RuleViolationDetails::code).orElseThrow(() -> refused);
                }
            }));
        }
        start.countDown();
        List<ErrorCode> codes = new ArrayList<>();
        for (Future<ErrorCode> outcome : outcomes) {
            codes.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(codes).filteredOn(Objects::isNull).hasSize(1);
        assertThat(codes).filteredOn(Objects::nonNull).hasSize(REGISTRATIONS - 1).containsOnly(ErrorCode.SKU_IN_USE);
    }

    @Test
    void parallel_reservations_never_promise_more_than_is_on_hand() throws Exception {
        String id = newStockItem(unique("RACE"), "Contended part").id();
        String item = "/api/inventory/items/" + id;
        assertThat(api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", ON_HAND, "unitCost", 1))
                .status()).isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ReserveStock reserve = new ReserveStock(StockItemId.of(id), WorkOrderId.random(), LineId.random(),
                    BigDecimal.ONE);
            sent.add(pool.submit(() -> {
                start.await();
                return commands.sendAndWait(reserve);
            }));
        }
        start.countDown();
        for (Future<Object> reservation : sent) {
            reservation.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        long head = eventStore.createHeadToken().position().orElseThrow();
        JsonNode detail = api.as(Role.ANALYST).header("X-Consistency-Token", Long.toString(head)).get(item).json();
        assertThat(detail.get("onHand").asInt()).isEqualTo(ON_HAND);
        assertThat(detail.get("reserved").asInt()).isEqualTo(ON_HAND);
        assertThat(detail.get("available").asInt()).isZero();
        assertThat(detail.get("backordered").asInt()).isEqualTo(REQUESTS - ON_HAND);
        assertThat(detail.get("lowStock").asBoolean()).isTrue();

        List<Object> events = eventStore.readEvents(id).asStream().map(e -> (Object) e.getPayload()).toList();
        assertThat(events).filteredOn(StockReserved.class::isInstance).hasSize(ON_HAND);
        assertThat(events).filteredOn(StockBackordered.class::isInstance).hasSize(REQUESTS - ON_HAND);

        Api.Response reservations = api.as(Role.ANALYST).get(item + "/movements?size=50");
        assertThat(reservations.json().get("items").findValuesAsString("type"))
                .filteredOn("RESERVATION"::equals).hasSize(ON_HAND);
    }
}
