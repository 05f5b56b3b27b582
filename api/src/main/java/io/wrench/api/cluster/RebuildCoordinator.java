package io.wrench.api.cluster;

import io.wrench.shared.ViewTables;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Blue/green rebuilds of a projection, coordinated across the instances through
 * {@code projection_rebuild} (docs/operations.md, "Rebuilding projections"):
 * <ol>
 *   <li><b>PREPARING</b>: the instance asked makes the copy's schema ({@link ViewSchemas}) and becomes
 *   the request's owner; a second request while one runs is refused.</li>
 *   <li><b>BUILDING</b>: the owner runs a second processor ({@link ViewCopies}, its own tokens) that
 *   replays every event into the copy. The live processor keeps serving reads and following new events
 *   on every instance.</li>
 *   <li><b>SWITCHING</b>: once the copy has reached the head it started from, every instance stops the
 *   live processor (each on its next heartbeat); the owner lets the copy pass the head as it is now,
 *   stops it, and in <em>one</em> transaction replaces the live tables' rows with the copy's, gives the
 *   copy's tokens to the live processor and marks the request <b>DONE</b>. Every instance starts the live
 *   processor again, which carries on from where the copy stood; the copy's schema is dropped.</li>
 * </ol>
 * Reads never wait for a switch and never see a partial view: before the commit they read the live rows,
 * after it the copy's, which hold at least every event the live rows held. The owner touches the request
 * on every heartbeat; an owner that dies (gone from the live instances, request untouched for a node
 * timeout) is replaced by whichever instance sees it first: that one resumes the copy
 * from its stored tokens (or makes the schema again when it died while preparing).
 */
public class RebuildCoordinator {

    private static final Logger log = LoggerFactory.getLogger(RebuildCoordinator.class);
    /** How long the owner lets the stopped live view wait for the copy to pass the head before it gives up. */
    static final Duration CATCH_UP = Duration.ofSeconds(60);
    /** The window of the rebuild's events/s. */
    static final long RATE_WINDOW_MILLIS = 10_000;

    public enum State {
        PREPARING, BUILDING, SWITCHING, DONE;

        public boolean running() {
            return this != DONE;
        }
    }

    public record Request(String processor, State state, String nodeId, String requestedBy, long requestedAt,
                          long headAtReset, long updatedAt, String copySchema, Long switchedAt) {
    }

    /**
     * How far the copy has got, how fast over the last 10 s ({@code etaSeconds} null while unknown), and the
     * events it parked: while there are any, it does not switch.
     */
    public record Progress(long position, double eventsPerSecond, Long etaSeconds, long deadLetters) {
    }

    /** Another rebuild of the same projection is still under way. */
    public static class RebuildInProgress extends RuntimeException {
        public RebuildInProgress(String message) {
            super(message);
        }
    }

    /** The other instances did not let go of the projection in time. */
    public static class SegmentsNotReleased extends RuntimeException {
        public SegmentsNotReleased(String message) {
            super(message);
        }
    }

    /** The projection declares no tables ({@link ViewTables}), so it has no copy to build beside it. */
    public static class NotRebuildable extends RuntimeException {
        public NotRebuildable(String message) {
            super(message);
        }
    }

    private static final String SELECT = "select processor_name, state, node_id, requested_by, requested_at, "
            + "head_at_reset, updated_at, copy_schema, switched_at from projection_rebuild";
    private static final RowMapper<Request> ROW = (rs, i) -> new Request(rs.getString(1), State.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
            rs.getObject(9) == null ? null : rs.getLong(9));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClusterNodes nodes;
    private final ProcessorProgress progress;
    private final TokenStoreView tokens;
    private final ViewSchemas schemas;
    private final ViewCopies copies;
    private final Map<String, ViewTables> tables;
    private final Clock clock;
    private final LongSupplier head;
    private final Duration releaseWait;
    private final Duration ownerTimeout;
    private final Map<String, ViewCopies.Copy> running = new ConcurrentHashMap<>();
    private final Set<String> stoppedForOthers = ConcurrentHashMap.newKeySet();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<long[]>> samples = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "wrench-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildCoordinator(JdbcTemplate jdbc, TransactionTemplate transactions, ClusterNodes nodes,
                              ProcessorProgress progress, TokenStoreView tokens, ViewSchemas schemas, ViewCopies copies,
                              List<ViewTables> tables, Clock clock, LongSupplier head, Duration releaseWait,
                              Duration ownerTimeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.nodes = nodes;
        this.progress = progress;
        this.tokens = tokens;
        this.schemas = schemas;
        this.copies = copies;
        this.tables = tables.stream().collect(Collectors.toMap(ViewTables::processingGroup, t -> t));
        this.clock = clock;
        this.head = head;
        this.releaseWait = releaseWait;
        this.ownerTimeout = ownerTimeout;
        nodes.onHeartbeat(this::followRequests);
    }

    public Optional<Request> request(String processor) {
        return jdbc.query(SELECT + " where processor_name = ?", ROW, processor).stream().findFirst();
    }

    /** Whether a rebuild of the processor is under way anywhere in the cluster. */
    public boolean rebuilding(String processor) {
        return request(processor).map(r -> r.state().running()).orElse(false);
    }

    public boolean rebuildable(String processor) {
        return tables.containsKey(processor);
    }

    /**
     * Starts a rebuild beside the live view and returns once the copy's processor runs (on this
     * instance); the switch happens later, by itself, when the copy has caught up.
     */
    public void rebuild(StreamingEventProcessor processor, String requestedBy) {
        String name = processor.getName();
        if (!rebuildable(name)) {
            throw new NotRebuildable(name + " declares no tables to build a copy of");
        }
        long headAtStart = head.getAsLong();
        claimRequest(name, requestedBy, headAtStart);
        busy.add(name);
        try {
            prepare(name);
        } catch (RuntimeException e) {
            update(name, State.DONE);
            throw e;
        } finally {
            busy.remove(name);
        }
        log.info("Rebuild of {} (asked by {}): building a copy in {} up to position {} and beyond", name, requestedBy,
                ViewSchemas.schemaFor(name), headAtStart);
    }

    /** The copy's progress while a rebuild runs: its lowest stored segment position, events/s, ETA. */
    public Optional<Progress> progress(String processor) {
        Deque<long[]> window = samples.get(processor);
        Optional<Request> request = request(processor);
        if (request.isEmpty() || !request.get().state().running()) {
            return Optional.empty();
        }
        long position = copyPosition(processor);
        double rate = 0;
        if (window != null) {
            synchronized (window) {
                if (window.size() >= 2) {
                    long[] first = window.peekFirst();
                    long[] last = window.peekLast();
                    if (last[0] > first[0]) {
                        rate = (last[1] - first[1]) * 1000.0 / (last[0] - first[0]);
                    }
                }
            }
        }
        long remaining = Math.max(0, head.getAsLong() - Math.max(position, 0));
        Long eta = remaining == 0 ? Long.valueOf(0) : rate > 0 ? Long.valueOf((long) Math.ceil(remaining / rate)) : null;
        return Optional.of(new Progress(position, Math.round(rate * 10) / 10.0, eta, copyDeadLetters(processor)));
    }

    /** Events the copy parked (retry or evict them as {@code <processor>@copy}; the switch waits for none). */
    private long copyDeadLetters(String processor) {
        Long count = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?", Long.class,
                ViewCopies.copyName(processor));
        return count == null ? 0 : count;
    }

    private long copyPosition(String processor) {
        List<TokenStoreView.StoredSegment> stored = tokens.segments(ViewCopies.copyName(processor));
        ViewCopies.Copy copy = running.get(processor);
        Map<Integer, EventTrackerStatus> local = copy == null ? Map.of() : copy.processor().processingStatus();
        return stored.stream().mapToLong(s -> {
            EventTrackerStatus status = local.get(s.segment());
            return status == null ? s.position() : Math.max(s.position(), TokenStoreView.position(status.getTrackingToken()));
        }).min().orElse(-1);
    }

    private void claimRequest(String name, String requestedBy, long headAtStart) {
        long now = clock.millis();
        String schema = ViewSchemas.schemaFor(name);
        try {
            jdbc.update("insert into projection_rebuild (processor_name, state, node_id, requested_by, requested_at, "
                            + "head_at_reset, updated_at, copy_schema) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    name, State.PREPARING.name(), nodes.nodeId(), requestedBy, now, headAtStart, now, schema);
            return;
        } catch (DuplicateKeyException exists) {
            // a finished request is replaced below
        }
        Request current = request(name).orElseThrow(() -> new RebuildInProgress("a rebuild of " + name + " just ended; ask again"));
        if (current.state().running()) {
            throw new RebuildInProgress("a rebuild of " + name + " asked by " + current.requestedBy() + " is still "
                    + current.state().name().toLowerCase() + " on " + current.nodeId() + "; wait until it is done");
        }
        int taken = jdbc.update("update projection_rebuild set state = ?, node_id = ?, requested_by = ?, requested_at = ?, "
                        + "head_at_reset = ?, updated_at = ?, copy_schema = ?, switched_at = null "
                        + "where processor_name = ? and updated_at = ? and state = ?",
                State.PREPARING.name(), nodes.nodeId(), requestedBy, now, headAtStart, now, schema, name,
                current.updatedAt(), State.DONE.name());
        if (taken == 0) {
            throw new RebuildInProgress("another rebuild of " + name + " was asked at the same moment");
        }
    }

    /** Makes the copy's schema afresh (its old tokens go too), then builds it. */
    private void prepare(String name) {
        String schema = ViewSchemas.schemaFor(name);
        stopCopy(name);
        schemas.create(schema, tables.get(name).tables());
        jdbc.update("delete from token_entry where processor_name = ?", ViewCopies.copyName(name));
        // what an earlier copy parked is handled again by this one
        jdbc.update("delete from dead_letter_entry where processing_group = ?", ViewCopies.copyName(name));
        if (update(name, State.BUILDING) == 0) {
            throw new RebuildInProgress("the rebuild of " + name + " was taken over by another instance");
        }
        startCopy(name);
    }

    private void startCopy(String name) {
        running.computeIfAbsent(name, n -> {
            StreamingEventProcessor live = progress.processor(n).orElseThrow();
            int segments = Math.max(1, tokens.segments(n).size());
            ViewCopies.Copy copy = copies.create(live, ViewSchemas.schemaFor(n), segments);
            copy.processor().start();
            return copy;
        });
    }

    private void stopCopy(String name) {
        ViewCopies.Copy copy = running.remove(name);
        if (copy != null) {
            copy.stop();
        }
    }

    private int update(String name, State state) {
        return jdbc.update("update projection_rebuild set state = ?, updated_at = ? where processor_name = ? and node_id = ?",
                state.name(), clock.millis(), name, nodes.nodeId());
    }

    /** Every heartbeat, on every instance: build, switch, follow another instance's switch, or take over. */
    void followRequests() {
        List<Request> requests = jdbc.query(SELECT, ROW);
        for (String stopped : List.copyOf(stoppedForOthers)) {
            boolean switching = requests.stream().anyMatch(r -> r.processor().equals(stopped) && r.state() == State.SWITCHING);
            if (!switching && stoppedForOthers.remove(stopped)) {
                log.info("Starting {} again after the switch to its rebuilt copy", stopped);
                progress.processor(stopped).ifPresent(StreamingEventProcessor::start);
            }
        }
        for (Request request : requests) {
            String name = request.processor();
            if (progress.processor(name).isEmpty()) {
                continue;
            }
            if (!request.state().running()) {
                if (!busy.contains(name)) {
                    stopCopy(name);
                }
                samples.remove(name);
                continue;
            }
            sample(name);
            boolean mine = request.nodeId().equals(nodes.nodeId());
            if (!mine && abandoned(request) && takeOver(request)) {
                log.info("Taking over the rebuild of {} from {} (gone), {}", name, request.nodeId(), request.state());
                mine = true;
            }
            if (mine) {
                drive(request);
            } else {
                if (!busy.contains(name)) {
                    stopCopy(name);
                }
                StreamingEventProcessor live = progress.processor(name).get();
                if (request.state() == State.SWITCHING && live.isRunning() && stoppedForOthers.add(name)) {
                    log.info("Stopping {} for the switch to the copy rebuilt by {}", name, request.nodeId());
                    live.shutDown();
                }
            }
        }
    }

    /** Its owner is no longer among the live instances, and has not touched the request for a node timeout. */
    private boolean abandoned(Request request) {
        return !nodes.live().contains(request.nodeId()) && request.updatedAt() < clock.millis() - ownerTimeout.toMillis();
    }

    private boolean takeOver(Request request) {
        return jdbc.update("update projection_rebuild set node_id = ?, updated_at = ? where processor_name = ? "
                        + "and node_id = ? and updated_at = ?", nodes.nodeId(), clock.millis(), request.processor(),
                request.nodeId(), request.updatedAt()) == 1;
    }

    /** The owner's step: (again) prepare after a take-over, keep the copy running, switch when it has caught up. */
    private void drive(Request request) {
        String name = request.processor();
        // the owner says on every heartbeat that it still works on the request
        jdbc.update("update projection_rebuild set updated_at = ? where processor_name = ? and node_id = ?",
                clock.millis(), name, nodes.nodeId());
        if (!busy.add(name)) {
            return;
        }
        Runnable step = switch (request.state()) {
            case PREPARING -> () -> prepare(name);
            case BUILDING -> {
                startCopy(name);
                yield copyReached(name, request.headAtReset()) ? () -> switchOver(name) : null;
            }
            case SWITCHING -> () -> {
                startCopy(name);
                switchOver(name);
            };
            case DONE -> null;
        };
        if (step == null) {
            busy.remove(name);
            return;
        }
        worker.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("Rebuild of {}: {}", name, e.toString());
            } finally {
                busy.remove(name);
            }
        });
    }

    /**
     * Whether the copy runs here on every segment of its token, every one of them has passed {@code target},
     * and it parked nothing: a copy that skipped an event does not replace the live view until its letters are
     * retried after a fix, or evicted by someone who says why.
     */
    private boolean copyReached(String name, long target) {
        ViewCopies.Copy copy = running.get(name);
        if (copy == null || copyDeadLetters(name) > 0) {
            return false;
        }
        int segments = tokens.segments(ViewCopies.copyName(name)).size();
        Map<Integer, EventTrackerStatus> status = copy.processor().processingStatus();
        return segments > 0 && status.size() == segments && status.values().stream().allMatch(s -> !s.isErrorState()
                && s.isCaughtUp() && TokenStoreView.position(s.getTrackingToken()) >= target);
    }

    /**
     * Stops the live processor everywhere, lets the copy pass the head, and swaps them in one transaction.
     * Any failure before the commit leaves the live view as it was (the request goes back to BUILDING and is
     * tried again on a later heartbeat).
     */
    private void switchOver(String name) {
        StreamingEventProcessor live = progress.processor(name).orElseThrow();
        if (update(name, State.SWITCHING) == 0) {
            return;
        }
        boolean switched = false;
        try {
            live.shutDown();
            awaitReleasedByOthers(name);
            long target = head.getAsLong();
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            while (!copyReached(name, target)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the copy of " + name + " did not reach position " + target
                            + " within " + CATCH_UP.toSeconds() + " s");
                }
                sleep(20);
            }
            stopCopy(name);
            if (copyDeadLetters(name) > 0) {
                throw new IllegalStateException("the copy of " + name + " parked events while it passed the head; "
                        + "it switches once they are retried or evicted");
            }
            List<String> viewTables = tables.get(name).tables();
            String schema = ViewSchemas.schemaFor(name);
            String copyName = ViewCopies.copyName(name);
            transactions.executeWithoutResult(tx -> {
                schemas.replaceLive(schema, viewTables);
                jdbc.update("delete from token_entry where processor_name = ?", name);
                jdbc.update("update token_entry set processor_name = ?, owner = null where processor_name = ?",
                        name, copyName);
                // the copy handled every event again, those parked in the live view's queue too
                jdbc.update("delete from dead_letter_entry where processing_group = ?", name);
                long now = clock.millis();
                int done = jdbc.update("update projection_rebuild set state = ?, updated_at = ?, switched_at = ? "
                        + "where processor_name = ? and node_id = ?", State.DONE.name(), now, now, name, nodes.nodeId());
                if (done == 0) {
                    throw new RebuildInProgress("the rebuild of " + name + " was taken over by another instance");
                }
            });
            switched = true;
            log.info("Rebuild of {}: reads switched to the copy at position {}", name, target);
        } finally {
            if (!switched) {
                update(name, State.BUILDING);
                startCopy(name);
            }
            live.start();
        }
        schemas.drop(ViewSchemas.schemaFor(name));
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
                        + releaseWait.toSeconds() + " s; the switch is tried again");
            }
            sleep(50);
        }
    }

    private void sample(String name) {
        long now = clock.millis();
        long position = copyPosition(name);
        Deque<long[]> window = samples.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (window) {
            window.addLast(new long[]{now, position});
            while (window.size() > 2 && window.peekFirst()[0] < now - RATE_WINDOW_MILLIS) {
                window.removeFirst();
            }
        }
    }

    /** Stops the copies this instance builds (at shutdown; their tokens stay, so a restart resumes them). */
    public void close() {
        worker.shutdownNow();
        List.copyOf(running.keySet()).forEach(this::stopCopy);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SegmentsNotReleased("interrupted while switching");
        }
    }
}
