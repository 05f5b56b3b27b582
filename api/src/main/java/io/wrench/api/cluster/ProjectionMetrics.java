package io.wrench.api.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code wrench.projection.lag{projection}}: how many events each streaming processor is behind the
 * event store's head, over the whole cluster (from the token store), so every instance reports the
 * same figure and an alert can fire on any of them; {@code wrench.projection.dead-letters{projection}}:
 * how many events each projection has parked ({@link DeadLetterQueues}, shared by every instance).
 */
class ProjectionMetrics implements ApplicationListener<ApplicationReadyEvent> {

    private final ProcessorProgress progress;
    private final ObjectProvider<EventStore> eventStore;
    private final MeterRegistry registry;
    private final DeadLetterQueues deadLetters;

    ProjectionMetrics(ProcessorProgress progress, ObjectProvider<EventStore> eventStore, MeterRegistry registry,
                      DeadLetterQueues deadLetters) {
        this.progress = progress;
        this.eventStore = eventStore;
        this.registry = registry;
        this.deadLetters = deadLetters;
    }

    /** Once the processors exist (they are built with Axon's configuration, after the meter registry). */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        for (String name : progress.processors().keySet()) {
            Gauge.builder("wrench.projection.lag", () -> Math.max(0, head() - progress.position(name)))
                    .tag("projection", name)
                    .description("events between the event store's head and the processor's lowest segment")
                    .baseUnit("events")
                    .register(registry);
        }
        for (String name : deadLetters.projections()) {
            Gauge.builder("wrench.projection.dead-letters", () -> deadLetters.count(name))
                    .tag("projection", name)
                    .description("events parked in the projection's dead-letter queue, with every event waiting behind them")
                    .baseUnit("events")
                    .register(registry);
        }
    }

    private long head() {
        TrackingToken head = eventStore.getObject().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }
}
