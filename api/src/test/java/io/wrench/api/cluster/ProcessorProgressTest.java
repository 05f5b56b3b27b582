package io.wrench.api.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What "a processor has reached a position" means when the JPA event store hands out global indexes
 * that commit out of order: the processor reads past a transaction that commits late and records its
 * index as a gap; until it has handled the event in that gap, a read waiting for it must not go ahead.
 */
class ProcessorProgressTest {

    private static final String VIEW = "work-order-projection";

    private final List<EventRange.Entry> stored = new ArrayList<>();
    private TrackingToken storedToken;

    private final TokenStoreView tokens = new TokenStoreView(null, null, null, null) {
        @Override
        public SortedMap<String, List<StoredSegment>> all() {
            SortedMap<String, List<StoredSegment>> all = new TreeMap<>();
            all.put(VIEW, List.of(new StoredSegment(0, "node", null, storedToken, position(storedToken), false)));
            return all;
        }
    };

    private final EventRange events = (after, upTo, limit) -> stored.stream()
            .filter(e -> e.position() > after && e.position() <= upTo).toList();

    private final ProcessorProgress progress = new ProcessorProgress(
            configurationWith(processor()).getBeanProvider(EventProcessingConfiguration.class), tokens, events, "node");

    private void event(long position) {
        stored.add(new EventRange.Entry(position, "io.wrench.events.SomeEvent", "wo-" + position, "request-" + position));
    }

    @Test
    void an_event_committed_after_a_later_one_was_read_is_not_reached_while_it_is_a_gap() {
        event(7);
        event(8);
        storedToken = GapAwareTrackingToken.newInstance(8, Set.of(7L));

        assertThat(progress.reachedNow(VIEW, 7)).as("the client's event at 7 is a gap").isFalse();
        assertThat(progress.reachedNow(VIEW, 8)).as("the head is 8, but 7 below it is not handled").isFalse();

        storedToken = GapAwareTrackingToken.newInstance(8, Set.of());
        assertThat(progress.reachedNow(VIEW, 8)).isTrue();
    }

    @Test
    void a_gap_no_event_will_ever_fill_does_not_hold_a_read_up() {
        // 7 was taken by a transaction that rolled back (a concurrent change of the same aggregate)
        event(8);
        event(9);
        storedToken = GapAwareTrackingToken.newInstance(9, Set.of(7L));

        assertThat(progress.reachedNow(VIEW, 9)).isTrue();
        assertThat(progress.segmentsNow(VIEW)).singleElement().satisfies(segment -> {
            assertThat(segment.position()).isEqualTo(9);
            assertThat(segment.gapsUpTo(9)).containsExactly(7L);
            assertThat(segment.covers(8)).isTrue();
            assertThat(segment.covers(7)).isFalse();
            assertThat(segment.covers(10)).isFalse();
        });
    }

    @Test
    void a_gap_far_below_the_position_is_looked_up_by_itself_not_by_scanning_up_to_it() {
        // the range from the gap to the target is longer than a scan may be: only the gap's own event decides
        storedToken = GapAwareTrackingToken.newInstance(5_000, Set.of(7L));
        event(5_000);
        assertThat(progress.reachedNow(VIEW, 5_000)).as("nothing stored at 7: a rolled-back transaction").isTrue();

        event(7);
        assertThat(progress.reachedNow(VIEW, 5_000)).as("7 stored, still a gap").isFalse();
        assertThat(progress.reachedNow(VIEW, 6)).as("below the gap").isTrue();
    }

    @Test
    void a_token_without_gaps_covers_everything_up_to_its_position() {
        event(3);
        storedToken = new GlobalSequenceTrackingToken(3);

        assertThat(progress.reachedNow(VIEW, 3)).isTrue();
        event(4);
        assertThat(progress.reachedNow(VIEW, 4)).isFalse();
    }

    /** A streaming processor that holds no segment on this instance: its progress is the stored token. */
    private static StreamingEventProcessor processor() {
        return (StreamingEventProcessor) Proxy.newProxyInstance(ProcessorProgressTest.class.getClassLoader(),
                new Class<?>[]{StreamingEventProcessor.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "processingStatus" -> Map.of();
                    case "getName" -> VIEW;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> VIEW;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static StaticListableBeanFactory configurationWith(StreamingEventProcessor processor) {
        Map<String, EventProcessor> processors = Map.of(VIEW, processor);
        EventProcessingConfiguration configuration = (EventProcessingConfiguration) Proxy.newProxyInstance(
                ProcessorProgressTest.class.getClassLoader(), new Class<?>[]{EventProcessingConfiguration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "eventProcessors" -> processors;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "processing";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new StaticListableBeanFactory(Map.of("processing", configuration));
    }
}
