package io.wrench.api.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The event store read through Axon's own streaming API, for stores without a table to query (Axon
 * Server). A filtered read streams from the first match to the last and keeps the matches, in chunks of
 * the index's positions.
 */
class StreamedEvents implements StoredEvents {

    private static final int CHUNK = 1000;

    private final EventStore eventStore;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;

    StreamedEvents(EventStore eventStore, Serializer serializer, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    @Override
    public long count() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(-1) + 1;
    }

    @Override
    public void all(Consumer<StoredEvent> sink) {
        long head = eventStore.createHeadToken() == null ? -1
                : eventStore.createHeadToken().position().orElse(-1);
        stream(null, head, position -> true, sink);
    }

    @Override
    public void matching(AuditFilter filter, Consumer<StoredEvent> sink) {
        long after = -1;
        while (true) {
            List<Object> params = new ArrayList<>();
            params.add(after);
            String where = filter.where(params);
            params.add(CHUNK);
            List<Long> positions = jdbc.queryForList("select a.position from audit_event a where a.position > ?" + where
                    + " order by a.position limit ?", Long.class, params.toArray());
            if (positions.isEmpty()) {
                return;
            }
            java.util.Set<Long> wanted = new java.util.HashSet<>(positions);
            stream(tokenBefore(positions.get(0)), positions.get(positions.size() - 1), wanted::contains, sink);
            if (positions.size() < CHUNK) {
                return;
            }
            after = positions.get(positions.size() - 1);
        }
    }

    private TrackingToken tokenBefore(long position) {
        if (position <= 0) {
            return null;
        }
        return eventStore.createHeadToken() instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(position - 1, java.util.Collections.emptySet())
                : new GlobalSequenceTrackingToken(position - 1);
    }

    private void stream(TrackingToken from, long last, java.util.function.LongPredicate keep, Consumer<StoredEvent> sink) {
        if (last < 0) {
            return;
        }
        List<TrackedEventMessage<?>> chunk = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            while (stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = message.trackingToken().position().orElse(-1);
                if (keep.test(position)) {
                    chunk.add(message);
                }
                if (chunk.size() == CHUNK) {
                    emit(chunk, sink);
                }
                if (position >= last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        emit(chunk, sink);
    }

    private void emit(List<TrackedEventMessage<?>> chunk, Consumer<StoredEvent> sink) {
        if (chunk.isEmpty()) {
            return;
        }
        long first = chunk.get(0).trackingToken().position().orElse(0);
        long last = chunk.get(chunk.size() - 1).trackingToken().position().orElse(0);
        Map<Long, Long> leaves = new HashMap<>();
        jdbc.query("select position, leaf_index from audit_event where position between ? and ? and leaf_index is not null",
                (java.sql.ResultSet row) -> {
                    leaves.put(row.getLong(1), row.getLong(2));
                }, first, last);
        for (TrackedEventMessage<?> message : chunk) {
            sink.accept(event(message, leaves));
        }
        chunk.clear();
    }

    private StoredEvent event(TrackedEventMessage<?> message, Map<Long, Long> leaves) {
        long position = message.trackingToken().position().orElse(-1);
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new StoredEvent(position, leaves.get(position), message.getIdentifier(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), payload.getType().getName(),
                payload.getType().getRevision(), DateTimeUtils.formatInstant(message.getTimestamp()), payload.getData(),
                metadataJson(message));
    }

    private static byte[] metadataJson(TrackedEventMessage<?> message) {
        try {
            return EventHash.JSON.writeValueAsBytes(new java.util.TreeMap<>(message.getMetaData()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
