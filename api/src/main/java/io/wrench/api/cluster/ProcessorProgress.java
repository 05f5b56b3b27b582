package io.wrench.api.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.springframework.beans.factory.ObjectProvider;

import java.lang.reflect.Method;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each event processor has got, over the whole cluster: every segment's stored token (any
 * instance may own it), made fresher by this instance's in-memory status for the segments it holds.
 * A processor has <em>reached</em> a position when each segment is there, or when none of the events
 * in between is one that segment would handle (its type has no handler there, or it belongs to another
 * segment): Axon skips those without storing the token each time, and Axon Server does not send them.
 * <p>
 * Multi-segment processors are assumed to use Axon's default sequencing (per aggregate); processors
 * that need another order run on one segment ({@code InStoredOrder}).
 */
public class ProcessorProgress {

    /** Beyond this many events behind, nobody scans the range: the processor simply has to get there. */
    static final int MAX_SCAN = 1000;
    private static final long SNAPSHOT_NANOS = 15_000_000L;

    /**
     * One segment: {@code position} is the furthest event it has read; {@code token} says which of those it
     * has handled. Under the JPA event store a transaction that commits late leaves a gap below the
     * position (Axon's {@link GapAwareTrackingToken}), and the event in it is handled only once it shows up.
     */
    public record SegmentProgress(int segment, String owner, long position, boolean replaying, boolean local,
                                  TrackingToken token) {

        /** Whether the segment has handled (or skipped) the event at {@code eventPosition}. */
        public boolean covers(long eventPosition) {
            TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
            if (current instanceof GapAwareTrackingToken gapAware) {
                return eventPosition <= gapAware.getIndex() && !gapAware.getGaps().contains(eventPosition);
            }
            return eventPosition <= position;
        }

        /** The positions up to {@code upTo} the segment read past and has not handled yet (its gaps). */
        public SortedSet<Long> gapsUpTo(long upTo) {
            TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
            if (current instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
                return gapAware.getGaps().headSet(upTo + 1);
            }
            return Collections.emptySortedSet();
        }
    }

    private record Snapshot(long takenAt, SortedMap<String, List<TokenStoreView.StoredSegment>> stored) {
    }

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenStoreView tokens;
    private final EventRange events;
    private final String nodeId;
    private final Map<String, Optional<Class<?>>> types = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Class<?>>> sagaTypes = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(0, new TreeMap<>());

    public ProcessorProgress(ObjectProvider<EventProcessingConfiguration> processing, TokenStoreView tokens,
                             EventRange events, String nodeId) {
        this.processing = processing;
        this.tokens = tokens;
        this.events = events;
        this.nodeId = nodeId;
    }

    /** This instance's streaming processors (every instance runs the same ones), by name. */
    public SortedMap<String, StreamingEventProcessor> processors() {
        SortedMap<String, StreamingEventProcessor> processors = new TreeMap<>();
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config != null) {
            config.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    processors.put(name, streaming);
                }
            });
        }
        return processors;
    }

    public Optional<StreamingEventProcessor> processor(String name) {
        return Optional.ofNullable(processors().get(name));
    }

    /** Every segment of the processor, wherever it is owned. */
    public List<SegmentProgress> segments(String name) {
        return segments(name, stored(false).getOrDefault(name, List.of()));
    }

    /** Like {@link #segments(String)}, reading the token store now rather than a snapshot a few ms old. */
    public List<SegmentProgress> segmentsNow(String name) {
        return segments(name, stored(true).getOrDefault(name, List.of()));
    }

    private List<SegmentProgress> segments(String name, List<TokenStoreView.StoredSegment> stored) {
        Map<Integer, EventTrackerStatus> local = processor(name).map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        List<SegmentProgress> result = new ArrayList<>();
        for (TokenStoreView.StoredSegment segment : stored) {
            EventTrackerStatus mine = local.get(segment.segment());
            long position = segment.position();
            TrackingToken token = segment.token();
            boolean replaying = segment.replaying();
            String owner = segment.owner();
            // Right after a reset this instance may still report the status it had before it (until it
            // claims the segment again): the stored replay token wins over a local status that is not replaying.
            boolean staleLocal = mine != null && segment.replaying() && !mine.isReplaying();
            if (mine != null && !staleLocal) {
                long ownPosition = TokenStoreView.position(mine.getTrackingToken());
                if (ownPosition >= position) {
                    position = ownPosition;
                    token = mine.getTrackingToken();
                }
                replaying = mine.isReplaying();
                owner = nodeId;
            }
            result.add(new SegmentProgress(segment.segment(), owner, position, replaying, mine != null, token));
        }
        return result;
    }

    /** The lowest position over the processor's segments, or -1 before it has processed anything. */
    public long position(String name) {
        return segments(name).stream().mapToLong(SegmentProgress::position).min().orElse(-1);
    }

    /** Whether every streaming processor has reached {@code target}. */
    public boolean allReached(long target) {
        return allReached(target, null);
    }

    /**
     * Whether the named processors, and every saga's (whose answers are further events of the same
     * command), have reached {@code target}; all streaming processors when {@code names} is null.
     */
    public boolean allReached(long target, Set<String> names) {
        return allReached(target, names, null);
    }

    /**
     * Like {@link #allReached(long, Set)}, but a saga is waited for only as far as the request's own events
     * ({@code requestEvents}, from {@link #eventsOfRequest}) concern it: a saga busy with other clients'
     * work (the parts process behind a burst of part lines) does not hold up a read whose command it has
     * nothing to do with. Null: every saga up to {@code target}, as before.
     */
    public boolean allReached(long target, Set<String> names, List<EventRange.Entry> requestEvents) {
        for (Map.Entry<String, StreamingEventProcessor> processor : processors().entrySet()) {
            boolean named = names == null || names.contains(processor.getKey());
            boolean saga = isSaga(processor.getValue());
            if (named && !reached(processor.getKey(), target)) {
                return false;
            }
            if (!named && saga && !(requestEvents == null ? reached(processor.getKey(), target)
                    : handledAll(processor.getKey(), processor.getValue(), requestEvents))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The events up to {@code upTo} (in the last {@link #MAX_SCAN} positions) that the request caused, or null
     * when none is found there (the wait then falls back to the whole range).
     */
    public List<EventRange.Entry> eventsOfRequest(String requestId, long upTo) {
        // the command's events are usually among the last few: a short look first
        for (int window : new int[]{MAX_SCAN / 10, MAX_SCAN}) {
            long from = Math.max(-1, upTo - window);
            List<EventRange.Entry> recent = events.between(from, upTo, window);
            if (recent == null) {
                return null;
            }
            List<EventRange.Entry> own = recent.stream().filter(e -> requestId.equals(e.requestId())).toList();
            // the first of the request's events inside the window, not at its edge: all of them are in it
            if (!own.isEmpty() && (from < 0 || own.get(0).position() > from + 1)) {
                return own;
            }
            if (from < 0) {
                return null;
            }
        }
        return null;
    }

    /** Whether, on every segment, the processor has passed each of the events it would handle. */
    private boolean handledAll(String name, StreamingEventProcessor processor, List<EventRange.Entry> wanted) {
        List<SegmentProgress> segments = segments(name);
        return !segments.isEmpty() && passedAll(processor, segments, wanted);
    }

    private boolean passedAll(StreamingEventProcessor processor, List<SegmentProgress> segments,
                              List<EventRange.Entry> events) {
        int[] ids = segments.stream().mapToInt(SegmentProgress::segment).toArray();
        for (SegmentProgress segment : segments) {
            Segment mask = Segment.computeSegment(segment.segment(), ids);
            for (EventRange.Entry event : events) {
                if (!segment.covers(event.position()) && handles(processor, mask, ids.length, event)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The position of the last event after {@code after}, up to {@code head}, that the request caused
     * ({@code after} when none did), or {@code head} when the range is too long to read.
     */
    public long lastOfRequest(String requestId, long after, long head) {
        List<EventRange.Entry> range = events.between(after, head, MAX_SCAN);
        if (range == null) {
            return head;
        }
        return range.stream().filter(e -> requestId.equals(e.requestId()))
                .mapToLong(EventRange.Entry::position).max().orElse(after);
    }

    private static boolean isSaga(StreamingEventProcessor processor) {
        return processor instanceof AbstractEventProcessor handlers && sagaManager(handlers.eventHandlerInvoker()).isPresent();
    }

    /** The saga manager behind a processor's invoker (Axon's configuration wraps it in a multi-invoker). */
    private static Optional<AbstractSagaManager<?>> sagaManager(EventHandlerInvoker invoker) {
        if (invoker instanceof AbstractSagaManager<?> sagas) {
            return Optional.of(sagas);
        }
        if (invoker instanceof MultiEventHandlerInvoker multi && multi.delegates().size() == 1) {
            return sagaManager(multi.delegates().get(0));
        }
        return Optional.empty();
    }

    /** Whether the processor has handled everything it would handle up to {@code target}, on every segment. */
    public boolean reached(String name, long target) {
        return reached(name, target, false);
    }

    /**
     * Like {@link #reached(String, long)}, reading the token store now: after a reset, a snapshot a few
     * milliseconds old may still show the positions from before it.
     */
    public boolean reachedNow(String name, long target) {
        return reached(name, target, true);
    }

    private boolean reached(String name, long target, boolean fresh) {
        if (target < 0) {
            return true;
        }
        StreamingEventProcessor processor = processor(name).orElse(null);
        List<SegmentProgress> segments = fresh ? segmentsNow(name) : segments(name);
        if (processor == null || segments.isEmpty()) {
            return false;
        }
        long lowest = segments.stream().mapToLong(SegmentProgress::position).min().orElse(-1);
        // a gap is an event read past before its transaction committed (or one that never will: a rolled-back
        // transaction, which Axon forgets after a while); only those stored are looked at
        SortedSet<Long> gaps = new TreeSet<>();
        segments.forEach(segment -> gaps.addAll(segment.gapsUpTo(Math.min(target, lowest))));
        if (lowest >= target && gaps.isEmpty()) {
            return true;
        }
        List<EventRange.Entry> between = lowest >= target ? List.of() : events.between(lowest, target, MAX_SCAN);
        List<EventRange.Entry> inGaps = events.at(gaps);
        if (between == null || inGaps == null) {
            return false;
        }
        return passedAll(processor, segments, between) && passedAll(processor, segments, inGaps);
    }

    private boolean handles(StreamingEventProcessor processor, Segment segment, int segmentCount, EventRange.Entry event) {
        Optional<Class<?>> type = types.computeIfAbsent(event.payloadType(), ProcessorProgress::load);
        if (type.isPresent() && processor instanceof AbstractEventProcessor handlers && !handlesType(handlers, type.get())) {
            return false;
        }
        return segmentCount == 1 || event.aggregateId() == null || segment.matches(event.aggregateId());
    }

    /**
     * Axon's saga manager claims every type (it decides per event, by association), so a saga's handled
     * types are read from its {@code @SagaEventHandler} methods; other processors answer themselves.
     */
    private boolean handlesType(AbstractEventProcessor processor, Class<?> type) {
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        Optional<AbstractSagaManager<?>> sagas = sagaManager(invoker);
        if (sagas.isPresent()) {
            return sagaTypes.computeIfAbsent(sagas.get().getSagaType(), ProcessorProgress::sagaEventTypes).stream()
                    .anyMatch(handled -> handled.isAssignableFrom(type));
        }
        return invoker.canHandleType(type);
    }

    private static List<Class<?>> sagaEventTypes(Class<?> saga) {
        List<Class<?>> handled = new ArrayList<>();
        for (Class<?> c = saga; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                SagaEventHandler annotation = method.getAnnotation(SagaEventHandler.class);
                if (annotation != null) {
                    handled.add(annotation.payloadType() != Object.class || method.getParameterCount() == 0
                            ? annotation.payloadType() : method.getParameterTypes()[0]);
                }
            }
        }
        return handled;
    }

    private static Optional<Class<?>> load(String typeName) {
        try {
            return Optional.of(Class.forName(typeName, false, ProcessorProgress.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private SortedMap<String, List<TokenStoreView.StoredSegment>> stored(boolean fresh) {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (fresh || now - current.takenAt() > SNAPSHOT_NANOS) {
            current = new Snapshot(now, tokens.all());
            snapshot = current;
        }
        return current.stored();
    }
}
