package io.wrench.api.config;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: the event store answers (JPA tables or Axon Server), with the head position as detail. */
@Component("eventStoreHealthIndicator")
class EventStoreHealthIndicator implements HealthIndicator {

    private final EventStore eventStore;

    EventStoreHealthIndicator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            long position = head == null ? -1 : head.position().orElse(-1L);
            return Health.up().withDetail("headPosition", position)
                    .withDetail("store", eventStore.getClass().getSimpleName()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
