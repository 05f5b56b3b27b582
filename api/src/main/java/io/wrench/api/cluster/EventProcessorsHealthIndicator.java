package io.wrench.api.cluster;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness: DOWN until every streaming processor of this instance has started (a read with a
 * consistency token could not be honoured before), then UP with each one's state and how many of its
 * segments this instance holds. A processor in error (retrying a failed batch) is a detail, not DOWN:
 * the instance still answers, and taking it out of the load balancer would not help.
 */
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final ProcessorProgress progress;
    private final ClusterNodes nodes;

    EventProcessorsHealthIndicator(ProcessorProgress progress, ClusterNodes nodes) {
        this.progress = progress;
        this.nodes = nodes;
    }

    @Override
    public Health health() {
        Map<String, Object> processors = new TreeMap<>();
        boolean allStarted = true;
        for (Map.Entry<String, StreamingEventProcessor> entry : progress.processors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            allStarted &= processor.isRunning();
            processors.put(entry.getKey(), Map.of(
                    "state", processor.isError() ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED",
                    "localSegments", processor.processingStatus().size()));
        }
        Health.Builder health = allStarted ? Health.up() : Health.down();
        return health.withDetail("instance", nodes.nodeId()).withDetail("liveInstances", nodes.live())
                .withDetail("processors", processors).build();
    }
}
