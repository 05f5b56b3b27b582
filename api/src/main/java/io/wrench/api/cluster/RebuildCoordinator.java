package io.wrench.api.cluster;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A projection rebuild with several instances. Resetting a processor's tokens needs every segment
 * unclaimed, so the instance asked to rebuild records the request in {@code projection_rebuild}
 * (state {@code STOPPING}); every other instance sees it on its next heartbeat and stops its copy of
 * the processor, which releases its claims. The requesting instance resets the tokens (the
 * projection's reset handler empties the view), marks the request {@code RUNNING} and starts again;
 * the others start again too and take their share of the replay. When the replay has passed the head
 * it started from, the request is {@code DONE}. A second request while one runs is refused; a request
 * whose instance died is taken as abandoned after {@link #ABANDONED} (a replay already under way
 * simply carries on wherever the segments are claimed next).
 */
public class RebuildCoordinator {

    private static final Logger log = LoggerFactory.getLogger(RebuildCoordinator.class);
    static final Duration ABANDONED = Duration.ofMinutes(2);

    public enum State { STOPPING, RUNNING, DONE }

    public record Request(String processor, State state, String nodeId, String requestedBy, long requestedAt,
                          long headAtReset, long updatedAt) {
    }

    /** Another rebuild of the same projection is still under way. */
    public static class RebuildInProgress extends RuntimeException {
        public RebuildInProgress(String message) {
            super(message);
        }
    }

    /** The other instances did not let go of the projection in time; nothing was reset. */
    public static class SegmentsNotReleased extends RuntimeException {
        public SegmentsNotReleased(String message) {
            super(message);
        }
    }

    private static final String SELECT = "select processor_name, state, node_id, requested_by, requested_at, "
            + "head_at_reset, updated_at from projection_rebuild";
    private static final RowMapper<Request> ROW = (rs, i) -> new Request(rs.getString(1), State.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));

    private final JdbcTemplate jdbc;
    private final ClusterNodes nodes;
    private final ProcessorProgress progress;
    private final Clock clock;
    private final LongSupplier head;
    private final Duration releaseWait;
    private final Set<String> stoppedForOthers = ConcurrentHashMap.newKeySet();

    public RebuildCoordinator(JdbcTemplate jdbc, ClusterNodes nodes, ProcessorProgress progress, Clock clock,
                              LongSupplier head, Duration releaseWait) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.progress = progress;
        this.clock = clock;
        this.head = head;
        this.releaseWait = releaseWait;
        nodes.onHeartbeat(this::followOthers);
    }

    public Optional<Request> request(String processor) {
        return jdbc.query(SELECT + " where processor_name = ?", ROW, processor).stream().findFirst();
    }

    /**
     * Resets the processor's tokens with the cluster's agreement and starts it again; returns once the
     * reset is stored (the replay runs on the processors' threads, on every instance).
     */
    public void rebuild(StreamingEventProcessor processor, String requestedBy) {
        String name = processor.getName();
        long headAtReset = head.getAsLong();
        claimRequest(name, requestedBy, headAtReset);
        boolean reset = false;
        try {
            processor.shutDown();
            awaitReleasedByOthers(name);
            processor.resetTokens();
            reset = true;
            update(name, State.RUNNING);
            log.info("Rebuild of {} (asked by {}): tokens reset, replaying up to position {}", name, requestedBy, headAtReset);
        } finally {
            if (!reset) {
                update(name, State.DONE);
            }
            processor.start();
        }
        awaitReplayStarted(processor);
    }

    /**
     * Until the restarted processor has claimed its segments again it may report the statuses it had
     * before the reset; wait (bounded) until what it reports is the replay.
     */
    private void awaitReplayStarted(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var status = processor.processingStatus();
            if (status.values().stream().allMatch(s -> s.isReplaying() || s.isErrorState())) {
                return;
            }
            sleep(10);
        }
    }

    private void claimRequest(String name, String requestedBy, long headAtReset) {
        long now = clock.millis();
        try {
            jdbc.update("insert into projection_rebuild (processor_name, state, node_id, requested_by, requested_at, "
                            + "head_at_reset, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
                    name, State.STOPPING.name(), nodes.nodeId(), requestedBy, now, headAtReset, now);
            return;
        } catch (DuplicateKeyException exists) {
            // a finished (or abandoned) request is replaced below
        }
        Request current = request(name).orElseThrow(() -> new RebuildInProgress("a rebuild of " + name + " just ended; ask again"));
        if (current.state() != State.DONE && !abandoned(current, now)) {
            throw new RebuildInProgress("a rebuild of " + name + " asked by " + current.requestedBy() + " is still "
                    + current.state().name().toLowerCase() + "; wait until it is done");
        }
        int taken = jdbc.update("update projection_rebuild set state = ?, node_id = ?, requested_by = ?, requested_at = ?, "
                        + "head_at_reset = ?, updated_at = ? where processor_name = ? and updated_at = ?",
                State.STOPPING.name(), nodes.nodeId(), requestedBy, now, headAtReset, now, name, current.updatedAt());
        if (taken == 0) {
            throw new RebuildInProgress("another rebuild of " + name + " was asked at the same moment");
        }
    }

    private boolean abandoned(Request request, long now) {
        return request.updatedAt() < now - ABANDONED.toMillis();
    }

    private void update(String name, State state) {
        jdbc.update("update projection_rebuild set state = ?, updated_at = ? where processor_name = ? and node_id = ?",
                state.name(), clock.millis(), name, nodes.nodeId());
    }

    private void awaitReleasedByOthers(String name) {
        long deadline = System.nanoTime() + releaseWait.toNanos();
        while (true) {
            List<ProcessorProgress.SegmentProgress> segments = progress.segmentsNow(name);
            if (segments.stream().allMatch(s -> s.owner() == null || s.owner().equals(nodes.nodeId()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SegmentsNotReleased("other instances still hold segments of " + name + " after "
                        + releaseWait.toSeconds() + " s; nothing was reset, try again");
            }
            sleep(100);
        }
    }

    /** Every heartbeat: stop for another instance's rebuild, start again when it has reset; finish our own. */
    void followOthers() {
        long now = clock.millis();
        List<Request> requests = jdbc.query(SELECT, ROW);
        // a request that vanished (removed by hand, or the database was restored) releases what it stopped
        for (String stopped : List.copyOf(stoppedForOthers)) {
            if (requests.stream().noneMatch(r -> r.processor().equals(stopped)) && stoppedForOthers.remove(stopped)) {
                progress.processor(stopped).ifPresent(StreamingEventProcessor::start);
            }
        }
        for (Request request : requests) {
            Optional<StreamingEventProcessor> processor = progress.processor(request.processor());
            if (processor.isEmpty()) {
                continue;
            }
            boolean mine = request.nodeId().equals(nodes.nodeId());
            if (mine && request.state() == State.RUNNING && progress.reached(request.processor(), request.headAtReset())) {
                update(request.processor(), State.DONE);
                log.info("Rebuild of {} done", request.processor());
            } else if (!mine && request.state() == State.STOPPING && !abandoned(request, now)) {
                if (processor.get().isRunning() && stoppedForOthers.add(request.processor())) {
                    log.info("Stopping {} for a rebuild asked of {}", request.processor(), request.nodeId());
                    processor.get().shutDown();
                }
            } else if (stoppedForOthers.remove(request.processor())) {
                log.info("Starting {} again after the reset by {}", request.processor(), request.nodeId());
                processor.get().start();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SegmentsNotReleased("interrupted while waiting for the other instances");
        }
    }
}
