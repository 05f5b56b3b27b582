package io.wrench.api.audit;

import io.wrench.api.web.ReadsFrom;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.ListParams;
import io.wrench.api.web.NotFoundException;
import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An aggregate's events in order, read from the event store itself (either store), with the payload
 * exactly as stored and the hash that chains it to the event before.
 */
@RestController
@ReadsFrom({})
@Tag(name = "Audit", description = "Event history, search, export, ledger digests, proofs and verification")
class HistoryController {

    record HistoryItem(long sequence, String eventId, String type, String revision, Instant at,
                       @Schema(type = "object", types = "object", description = "the event's payload exactly as stored") @JsonRawValue String payload,
                       Map<String, Object> metadata, String hash) {
    }

    private final EventStore eventStore;
    private final Serializer serializer;

    HistoryController(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    @GetMapping(path = "/api/customers/{id}/history", produces = "application/json")
    @Operation(summary = "A customer's events in order (AUDITOR, MANAGER, ADMIN)")
    PageView<HistoryItem> customer(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return history(id, "Customer", "customer", page, size);
    }

    @GetMapping(path = "/api/inventory/items/{id}/history", produces = "application/json")
    @Operation(summary = "A stock item's events in order (AUDITOR, MANAGER, ADMIN)")
    PageView<HistoryItem> stockItem(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return history(id, "StockItem", "stock item", page, size);
    }

    @GetMapping(path = "/api/work-orders/{id}/history", produces = "application/json")
    @Operation(summary = "A work order's events in order (AUDITOR, MANAGER, ADMIN)")
    PageView<HistoryItem> workOrder(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return history(id, "WorkOrder", "work order", page, size);
    }

    private PageView<HistoryItem> history(UUID id, String aggregateType, String noun, Integer page, Integer size) {
        PageQuery paging = ListParams.parse(page, size, null, Set.of());
        Iterator<? extends DomainEventMessage<?>> events = eventStore.readEvents(id.toString(), 0L).asStream().iterator();
        if (!events.hasNext()) {
            throw new NotFoundException("no " + noun + " with id " + id);
        }
        long first = (long) paging.page() * paging.size();
        List<HistoryItem> items = new ArrayList<>();
        long total = 0;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (total == 0 && !aggregateType.equals(event.getType())) {
                throw new NotFoundException("no " + noun + " with id " + id);
            }
            if (total >= first && items.size() < paging.size()) {
                items.add(item(event));
            }
            total++;
        }
        return PageView.of(items, paging.page(), paging.size(), total);
    }

    private HistoryItem item(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        return new HistoryItem(event.getSequenceNumber(), event.getIdentifier(), payload.getType().getName(),
                payload.getType().getRevision(), event.getTimestamp(),
                new String(payload.getData(), StandardCharsets.UTF_8), event.getMetaData(),
                (String) event.getMetaData().get(EventHash.METADATA_KEY));
    }
}
