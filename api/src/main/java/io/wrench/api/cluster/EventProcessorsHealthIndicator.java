package io.wrench.api.cluster;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness: DOWN until every streaming processor of this instance has started (a read with a
 * consistency token could not be honoured before), then UP with each one's state and how many of its
 * segments this instance holds. A processor in error (retrying a failed batch) is a detail, not DOWN:
 * the instance still answers, and taking it out of the load balancer would not help. So is a
 * projection with parked events (state PARKED_EVENTS, {@code deadLetters}): each is named in
 * {@code warnings}, and the status stays UP.
 */
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final ProcessorProgress progress;
    private final ClusterNodes nodes;
    private final DeadLetterQueues deadLetters;

    EventProcessorsHealthIndicator(ProcessorProgress progress, ClusterNodes nodes, DeadLetterQueues deadLetters) {
        this.progress = progress;
        this.nodes = nodes;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Object> processors = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        boolean allStarted = true;
        for (Map.Entry<String, StreamingEventProcessor> entry : progress.processors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            allStarted &= processor.isRunning();
            long parked = deadLetters.count(entry.getKey());
            String state = processor.isError() ? "ERROR" : !processor.isRunning() ? "STOPPED"
                    : parked > 0 ? "PARKED_EVENTS" : "RUNNING";
            if (processor.isError()) {
                warnings.add(entry.getKey() + " is in error: it retries a failed batch");
            } else if (parked > 0) {
                warnings.add(entry.getKey() + " has " + parked + " parked events (GET /api/admin/dead-letters)");
            }
            processors.put(entry.getKey(), Map.of("state", state, "deadLetters", parked,
                    "localSegments", processor.processingStatus().size()));
        }
        Health.Builder health = allStarted ? Health.up() : Health.down();
        return health.withDetail("instance", nodes.nodeId()).withDetail("liveInstances", nodes.live())
                .withDetail("processors", processors).withDetail("warnings", warnings).build();
    }
}
