package io.wrench.api.cluster;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;

/**
 * The events stored between two positions, with just what tells which processor (and which segment
 * of it) must handle them: type and aggregate. A processor behind a position may still be caught up
 * with it: nothing in between concerns it (Axon skips such events without storing the token every
 * time, and Axon Server does not even send them).
 */
public interface EventRange {

    /** One stored event: where, what, whose, and the request that caused it ({@code requestId} metadata, or null). */
    record Entry(long position, String payloadType, String aggregateId, String requestId) {
    }

    /** The request id in an event's serialized metadata (JSON), without parsing the rest. */
    Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]*)\"");

    static String requestIdIn(byte[] metadata) {
        if (metadata == null) {
            return null;
        }
        Matcher found = REQUEST_ID.matcher(new String(metadata, StandardCharsets.UTF_8));
        return found.find() ? found.group(1) : null;
    }

    /** The events after {@code after} up to {@code upTo}, in order, or null when there are more than {@code limit}. */
    List<Entry> between(long after, long upTo, int limit);

    /**
     * The events stored at these positions (a processor's gaps: positions it read past before their
     * transaction committed), in order; null when they cannot be read in one go.
     */
    default List<Entry> at(SortedSet<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        List<Entry> range = between(positions.first() - 1, positions.last(), MAX_POSITIONS);
        return range == null ? null : range.stream().filter(e -> positions.contains(e.position())).toList();
    }

    /** The most positions {@link #at} reads at once. */
    int MAX_POSITIONS = 1000;

    /** Axon's JPA event store: one indexed range query on the global index. */
    static EventRange jpa(JdbcTemplate jdbc) {
        String columns = "select global_index, payload_type, aggregate_identifier, meta_data from domain_event_entry ";
        RowMapper<Entry> entry = (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                requestIdIn(rs.getBytes(4)));
        return new EventRange() {
            @Override
            public List<Entry> between(long after, long upTo, int limit) {
                if (upTo - after > limit) {
                    return null;
                }
                return jdbc.query(columns + "where global_index > ? and global_index <= ? order by global_index",
                        entry, after, upTo);
            }

            @Override
            public List<Entry> at(SortedSet<Long> positions) {
                if (positions.isEmpty()) {
                    return List.of();
                }
                if (positions.size() > MAX_POSITIONS) {
                    return null;
                }
                String marks = String.join(", ", Collections.nCopies(positions.size(), "?"));
                return jdbc.query(columns + "where global_index in (" + marks + ") order by global_index", entry,
                        positions.toArray());
            }
        };
    }

    /** Any event store, Axon Server's included: a short read of its event stream. */
    static EventRange streaming(EventStore eventStore) {
        return (after, upTo, limit) -> {
            if (upTo - after > limit) {
                return null;
            }
            List<Entry> entries = new ArrayList<>();
            long last = after;
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(new GlobalSequenceTrackingToken(after))) {
                while (stream.hasNextAvailable(250, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    long position = event.trackingToken().position().orElse(Long.MAX_VALUE);
                    if (position > upTo) {
                        break;
                    }
                    String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
                    Object requestId = event.getMetaData().get("requestId");
                    entries.add(new Entry(position, event.getPayloadType().getName(), aggregate,
                            requestId == null ? null : requestId.toString()));
                    last = position;
                    if (position == upTo) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            // a stream that did not reach upTo in time says nothing about what is left
            return last >= upTo ? entries : null;
        };
    }
}
