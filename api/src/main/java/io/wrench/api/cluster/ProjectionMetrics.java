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
 * same figure and an alert can fire on any of them.
 */
class ProjectionMetrics implements ApplicationListener<ApplicationReadyEvent> {

    private final ProcessorProgress progress;
    private final ObjectProvider<EventStore> eventStore;
    private final MeterRegistry registry;

    ProjectionMetrics(ProcessorProgress progress, ObjectProvider<EventStore> eventStore, MeterRegistry registry) {
        this.progress = progress;
        this.eventStore = eventStore;
        this.registry = registry;
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
    }

    private long head() {
        TrackingToken head = eventStore.getObject().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }
}
