package io.wrench.api.workorder;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.command.workorder.PartsProcess;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts process end to end: inventory's answers reach the work order's part lines. */
class PartsProcessHttpTest extends WorkOrderTestSupport {

    @Test
    void a_backordered_line_is_reserved_when_stock_arrives() {
        String item = stockItem(0, "12.00");
        String id = newWorkOrder();
        Api.Response part = addPart(id, item, 3);
        assertThat(part.status()).as(part.toString()).isEqualTo(201);

        JsonNode waiting = readAfter(part, Role.ADVISOR, "/api/work-orders/" + id).json();
        assertThat(partStatuses(waiting)).containsExactly("BACKORDERED");
        assertThat(item(item).get("backordered").decimalValue()).isEqualByComparingTo("3");

        Api.Response receipt = receive(item, 5, "12.00");

        assertThat(partStatuses(readAfter(receipt, Role.ADVISOR, "/api/work-orders/" + id).json()))
                .containsExactly("RESERVED");
        assertThat(item(item).get("reserved").decimalValue()).isEqualByComparingTo("3");
        assertThat(item(item).get("backordered").decimalValue()).isEqualByComparingTo("0");
        assertThat(item(item).get("available").decimalValue()).isEqualByComparingTo("2");
    }

    /**
     * A read waits for the parts process only as far as its own command concerns it: with the process
     * stopped and a part line of someone else's waiting for it, a customer just registered is read
     * consistent at once (before, every read waited for every saga to pass its token and ran into the
     * bound), while the part line's own read does wait for the process and says stale.
     */
    @Test
    void a_read_waits_for_the_parts_process_only_for_its_own_command() {
        String item = stockItem(5, "3.00");
        String id = newWorkOrder();
        StreamingEventProcessor parts = processing.eventProcessor(PartsProcess.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        parts.shutDown();
        try {
            Api.Response part = addPart(id, item, 1);
            assertThat(part.status()).as(part.toString()).isEqualTo(201);
            String tag = unique("bystander");
            Api.Response customer = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", tag, "email", tag + "@example.com"));
            Api.Response read = readAfter(customer, Role.ADVISOR, "/api/customers/" + customer.id());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("X-Consistency")).as("the stopped parts process has nothing of this command")
                    .isEqualTo("consistent");
            assertThat(readAfter(part, Role.ADVISOR, "/api/work-orders/" + id).header("X-Consistency"))
                    .as("the part line waits for the process").isEqualTo("stale");
        } finally {
            parts.start();
        }
        assertThat(partStatuses(readAfter(addPart(id, item, 1), Role.ADVISOR, "/api/work-orders/" + id).json()))
                .containsExactly("RESERVED", "RESERVED");
    }

    @Test
    void completion_waits_for_backordered_parts() {
        String item = stockItem(0, "12.00");
        String id = newWorkOrder();
        addPart(id, item, 1);
        action(Role.ADVISOR, id, "approve", null);
        action(Role.MANAGER, id, "assign", Map.of("technician", "technician-client"));
        action(Role.TECHNICIAN, id, "start", null);
        action(Role.TECHNICIAN, id, "inspections", Map.of("result", "PASS"));
        settle();

        Api.Response complete = action(Role.TECHNICIAN, id, "complete", null);

        assertThat(complete.status()).isEqualTo(409);
        assertThat(complete.json().get("type").asString()).endsWith("/parts-backordered");
    }

    @Test
    void cancelling_releases_the_reserved_stock() {
        String item = stockItem(5, "8.00");
        String id = newWorkOrder();
        addPart(id, item, 2);
        addPart(id, item, 4); // only 3 left: backordered
        assertThat(partStatuses(detail(id))).containsExactly("RESERVED", "BACKORDERED");
        assertThat(item(item).get("reserved").decimalValue()).isEqualByComparingTo("2");

        Api.Response cancelled = action(Role.MANAGER, id, "cancel", Map.of("reason", "car sold"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        JsonNode after = detail(id);
        assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(partStatuses(after)).containsExactly("RELEASED", "RELEASED");
        assertThat(after.get("totals").get("parts").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(item(item).get("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(item(item).get("backordered").decimalValue()).isEqualByComparingTo("0");
        assertThat(item(item).get("available").decimalValue()).isEqualByComparingTo("5");
    }

    /**
     * docs/product.md: backorders are filled in request order. Lines added one after the other reach
     * inventory in that order, so the first ones get the stock and the rest wait, and arriving stock
     * goes to the waiting lines oldest first.
     */
    @Test
    void lines_are_reserved_and_backorders_filled_in_the_order_they_were_added() {
        String item = stockItem(4, "3.00");
        String first = newWorkOrder();
        String second = newWorkOrder();
        for (int i = 0; i < 6; i++) {
            assertThat(addPart(first, item, 1).status()).isEqualTo(201);
            assertThat(addPart(second, item, 1).status()).isEqualTo(201);
        }

        assertThat(partStatuses(detail(first))).containsExactly(
                "RESERVED", "RESERVED", "BACKORDERED", "BACKORDERED", "BACKORDERED", "BACKORDERED");
        assertThat(partStatuses(detail(second))).containsExactly(
                "RESERVED", "RESERVED", "BACKORDERED", "BACKORDERED", "BACKORDERED", "BACKORDERED");

        receive(item, 3, "3.00"); // the oldest waiting lines: first's 3rd, second's 3rd, first's 4th

        assertThat(partStatuses(detail(first))).containsExactly(
                "RESERVED", "RESERVED", "RESERVED", "RESERVED", "BACKORDERED", "BACKORDERED");
        assertThat(partStatuses(detail(second))).containsExactly(
                "RESERVED", "RESERVED", "RESERVED", "BACKORDERED", "BACKORDERED", "BACKORDERED");
    }

    @Test
    void twenty_concurrent_lines_against_ten_in_stock_reserve_exactly_ten() throws Exception {
        String item = stockItem(10, "5.00");
        String id = newWorkOrder();
        int lines = 20;
        CountDownLatch ready = new CountDownLatch(lines);
        List<Callable<Api.Response>> requests = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            requests.add(() -> {
                ready.countDown();
                ready.await();
                return addPart(id, item, 1);
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(lines);
        try {
            for (Future<Api.Response> answer : threads.invokeAll(requests)) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
            }
        } finally {
            threads.shutdownNow();
        }

        JsonNode settled = detail(id);
        Map<String, Long> byStatus = partStatuses(settled).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("RESERVED", 10L, "BACKORDERED", 10L));
        assertThat(item(item).get("reserved").decimalValue()).isEqualByComparingTo("10");
        assertThat(item(item).get("backordered").decimalValue()).isEqualByComparingTo("10");
        assertThat(item(item).get("available").decimalValue()).isEqualByComparingTo("0");

        // the item's own history: one answer per line, and never more reserved than on hand
        List<Object> history = eventStore.readEvents(item, 0L).asStream().map(e -> (Object) e.getPayload()).toList();
        assertThat(history.stream().filter(StockReserved.class::isInstance).map(e -> ((StockReserved) e).lineId()))
                .hasSize(10).doesNotHaveDuplicates();
        assertThat(history.stream().filter(StockBackordered.class::isInstance).map(e -> ((StockBackordered) e).lineId()))
                .hasSize(10).doesNotHaveDuplicates();
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        for (Object event : history) {
            if (event instanceof StockReceived received) {
                onHand = onHand.add(received.quantity());
            } else if (event instanceof StockAdjusted adjusted) {
                onHand = onHand.add(adjusted.quantityDelta());
            } else if (event instanceof StockReserved r) {
                reserved = reserved.add(r.quantity());
            } else if (event instanceof BackorderFilled filled) {
                reserved = reserved.add(filled.quantity());
            } else if (event instanceof ReservationReleased released && !released.backorder()) {
                reserved = reserved.subtract(released.quantity());
            } else if (event instanceof ReservedStockIssued issued) {
                reserved = reserved.subtract(issued.quantity());
                onHand = onHand.subtract(issued.quantity());
            }
            assertThat(reserved).as("reserved after " + event).isLessThanOrEqualTo(onHand);
        }
    }
}
