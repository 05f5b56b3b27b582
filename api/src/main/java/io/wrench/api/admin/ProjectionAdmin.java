package io.wrench.api.admin;

import io.wrench.api.cluster.DeadLetterQueues;
import io.wrench.api.cluster.ProcessorProgress;
import io.wrench.api.cluster.RebuildCoordinator;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projections as the operations endpoints and tests see them: cluster-wide progress read from the
 * token store ({@link ProcessorProgress}), and rebuilds coordinated across the instances
 * ({@link RebuildCoordinator}): one instance builds a copy of the view beside the live one, and reads
 * switch to it when it has caught up.
 */
@Component
public class ProjectionAdmin {

    private final ProcessorProgress progress;
    private final RebuildCoordinator rebuilds;
    private final EventStore eventStore;
    private final DeadLetterQueues deadLetters;

    public ProjectionAdmin(ProcessorProgress progress, RebuildCoordinator rebuilds, EventStore eventStore,
                           DeadLetterQueues deadLetters) {
        this.progress = progress;
        this.rebuilds = rebuilds;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
    }

    /** Events the projection has parked in its dead-letter queue (0 without a queue). */
    public long deadLetters(String name) {
        return deadLetters.count(name);
    }

    public Map<String, StreamingEventProcessor> processors() {
        return progress.processors();
    }

    public Optional<StreamingEventProcessor> processor(String name) {
        return progress.processor(name);
    }

    public List<ProcessorProgress.SegmentProgress> segments(String name) {
        return progress.segments(name);
    }

    public Optional<RebuildCoordinator.Request> lastRebuild(String name) {
        return rebuilds.request(name);
    }

    /** The copy's progress while a rebuild of the projection runs. */
    public Optional<RebuildCoordinator.Progress> rebuildProgress(String name) {
        return rebuilds.progress(name);
    }

    /** Whether the projection can be rebuilt beside itself (it declares its tables). */
    public boolean rebuildable(String name) {
        return rebuilds.rebuildable(name);
    }

    public void rebuild(String name) {
        rebuild(name, "operator");
    }

    /**
     * Starts a blue/green rebuild and returns once the copy is being built beside the live view; reads
     * switch to it by themselves when it has caught up.
     */
    public void rebuild(String name, String requestedBy) {
        StreamingEventProcessor processor = processor(name)
                .orElseThrow(() -> new IllegalArgumentException("no projection named " + name));
        if (!processor.supportsReset()) {
            throw new IllegalStateException(name + " cannot be reset");
        }
        rebuilds.rebuild(processor, requestedBy);
    }

    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }

    /** The lowest position over the processor's segments (on any instance), or -1 before it processed anything. */
    public long position(String name) {
        return progress.position(name);
    }

    /**
     * Waits (bounded) until no rebuild of the processor runs and it has, on whichever instances own its
     * segments, processed everything stored now.
     */
    public boolean awaitCaughtUp(String name, Duration max) throws InterruptedException {
        long target = head();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            StreamingEventProcessor processor = processor(name).orElseThrow();
            if (processor.isRunning() && !rebuilds.rebuilding(name) && progress.reachedNow(name, target)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
