package io.wrench.api.workorder;

import io.wrench.api.support.Waiting;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.api.web.Consistency;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the work-order HTTP tests share: customers, stock, work orders, and waiting for the processors. */
public abstract class WorkOrderTestSupport extends HttpTestSupport {

    @Autowired
    protected CommandGateway commandGateway;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected Consistency consistency;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected TokenStore tokenStore;

    /** A stock item with {@code onHand} on the shelf at {@code unitCost}, through the inventory API; its id. */
    protected String stockItem(int onHand, String unitCost) {
        String sku = unique("SKU").toUpperCase();
        Api.Response created = api.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of("sku", sku,
                "name", "Part " + sku, "unit", "pcs", "reorderLevel", 0, "unitCost", new BigDecimal(unitCost)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        if (onHand > 0) {
            receive(created.id(), onHand, unitCost);
        }
        return created.id();
    }

    protected Api.Response receive(String itemId, int quantity, String unitCost) {
        Api.Response receipt = api.as(Role.STOREKEEPER).post("/api/inventory/items/" + itemId + "/receipts",
                Map.of("quantity", quantity, "unitCost", new BigDecimal(unitCost)));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        return receipt;
    }

    /** The stock item as the inventory API shows it, once every processor has caught up. */
    protected JsonNode item(String itemId) {
        settle();
        Api.Response item = api.as(Role.STOREKEEPER).get("/api/inventory/items/" + itemId);
        assertThat(item.status()).as(item.toString()).isEqualTo(200);
        return item.json();
    }

    /**
     * Waits until every streaming processor (projections and the parts process) has handled every
     * stored event and the store stopped growing. Stricter than the consistency token: a segment whose
     * batch failed is released until it is claimed again, and then has no status to compare.
     */
    protected void settle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String head = consistency.issue();
            boolean caughtUp = consistency.awaitProcessed(Consistency.parse(head), Duration.ofSeconds(10));
            if (caughtUp && allSegmentsClaimed() && head.equals(consistency.issue())) {
                return;
            }
            assertThat(System.nanoTime()).as("processors caught up within 60 s").isLessThan(deadline);
            Waiting.pause(50);
        }
    }

    private boolean allSegmentsClaimed() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(p -> p.processingStatus().size() == tokenStore.fetchSegments(p.getName()).length);
    }

    protected String newAsset(String customerId) {
        Api.Response asset = api.as(Role.ADVISOR).post("/api/customers/" + customerId + "/assets",
                Map.of("kind", "EQUIPMENT", "make", "Lincoln", "model", "Power MIG 210", "serialNumber", unique("SN")));
        assertThat(asset.status()).as(asset.toString()).isEqualTo(201);
        return asset.id();
    }

    protected Api.Response open(String customerId, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("customerId", customerId);
        body.putIfAbsent("description", "Brakes squeal at low speed");
        return api.as(Role.ADVISOR).post("/api/work-orders", body);
    }

    /** Opens a work order for a new customer; its id. */
    protected String newWorkOrder() {
        Api.Response opened = open(newCustomer(unique("Customer")), Map.of());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.id();
    }

    protected Api.Response addPart(String workOrderId, String itemId, Object quantity) {
        return api.as(Role.ADVISOR).post("/api/work-orders/" + workOrderId + "/parts",
                Map.of("itemId", itemId, "quantity", quantity));
    }

    protected Api.Response addLabour(String workOrderId, String description, Object hours, Object rate) {
        return api.as(Role.ADVISOR).post("/api/work-orders/" + workOrderId + "/labour",
                Map.of("description", description, "hours", hours, "hourlyRate", rate));
    }

    protected Api.Response action(Role role, String workOrderId, String action, Object body) {
        return api.as(role).post("/api/work-orders/" + workOrderId + "/" + action, body);
    }

    /** The detail, read after everything stored so far was projected. */
    protected JsonNode detail(String workOrderId) {
        settle();
        Api.Response detail = api.as(Role.ADVISOR).get("/api/work-orders/" + workOrderId);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json();
    }

    protected static List<String> partStatuses(JsonNode detail) {
        return detail.get("partLines").valueStream().map(line -> line.get("status").asString()).toList();
    }

    protected static BigDecimal money(JsonNode node) {
        return node.decimalValue();
    }

    protected static String uuid() {
        return UUID.randomUUID().toString();
    }
}
