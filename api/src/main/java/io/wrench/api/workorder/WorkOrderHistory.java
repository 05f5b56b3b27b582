package io.wrench.api.workorder;

import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderOpened;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What only the event store knows at once: whether a work order exists and its number. The number
 * is chosen inside the aggregate (and the command's result is the new version), so the answer to
 * {@code POST /api/work-orders} reads it from the work order's first event, which is committed by
 * then. The read side would only know after its projection caught up.
 */
@Component
public class WorkOrderHistory {

    private final EventStore eventStore;

    WorkOrderHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The number of the work order; empty when there is no work order with this id. */
    public Optional<String> number(WorkOrderId id) {
        // from sequence 0, never from a snapshot: the opening event is the one wanted
        return eventStore.readEvents(id.toString(), 0L).asStream()
                .findFirst()
                .map(event -> event.getPayload() instanceof WorkOrderOpened opened ? opened.number() : null);
    }
}
