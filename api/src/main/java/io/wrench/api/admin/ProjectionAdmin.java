package io.wrench.api.admin;

import io.wrench.api.web.TrackerPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rebuilds a projection by replay: stop its processor, reset its tokens (the projection's
 * {@code @ResetHandler} empties the view), start it again; it catches up from the first event.
 * Progress is each segment's position against the event store's head (Axon's own "replaying" flag
 * misleads: it stays true until a newer event arrives).
 */
@Component
public class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
    }

    /** Whether this instance has claimed every segment of the processor (else its status is partial). */
    private boolean claimsAllSegments(StreamingEventProcessor processor) {
        return processor.processingStatus().size() >= tokenStore.fetchSegments(processor.getName()).length;
    }

    public Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        return processors;
    }

    public Optional<StreamingEventProcessor> processor(String name) {
        return Optional.ofNullable(processors().get(name));
    }

    /**
     * Starts a rebuild and returns as soon as the processor has claimed its segments in replay mode
     * (until then it may still report the statuses it had before the reset); the replay itself runs
     * on the processor's threads.
     */
    public void rebuild(String name) {
        StreamingEventProcessor processor = processor(name)
                .orElseThrow(() -> new IllegalArgumentException("no projection named " + name));
        if (!processor.supportsReset()) {
            throw new IllegalStateException(name + " cannot be reset");
        }
        boolean hasEvents = head() >= 0;
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        if (hasEvents) {
            awaitReplayStarted(processor, Duration.ofSeconds(10));
        }
    }

    private void awaitReplayStarted(StreamingEventProcessor processor, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (claimsAllSegments(processor)
                    && status.values().stream().allMatch(s -> s.isReplaying() || s.isErrorState())) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }

    /** The lowest position over the processor's segments, or -1 before it processed anything. */
    public long position(String name) {
        Map<Integer, EventTrackerStatus> status = processor(name).map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        if (status.isEmpty()) {
            return -1;
        }
        return status.values().stream()
                .mapToLong(TrackerPositions::of)
                .min().orElse(-1);
    }

    /**
     * Waits (bounded) until the processor has processed everything stored now. Needs every segment
     * claimed by this instance: on a cluster, follow progress with {@code GET /api/admin/projections}.
     */
    public boolean awaitCaughtUp(String name, Duration max) throws InterruptedException {
        long target = head();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            StreamingEventProcessor processor = processor(name).orElseThrow();
            if (processor.isRunning() && !processor.processingStatus().isEmpty() && claimsAllSegments(processor)
                    && position(name) >= target) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
