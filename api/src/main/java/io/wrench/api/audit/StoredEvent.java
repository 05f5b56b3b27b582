package io.wrench.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One event as the store holds it: {@code payload} and {@code metadataJson} are the stored JSON bytes.
 * {@code leafIndex} is where the ledger recorded it (null when not, or not known).
 */
public record StoredEvent(long position, Long leafIndex, String eventId, String aggregateType, String aggregateId,
                          Long sequence, String type, String revision, Instant at, byte[] payload,
                          Map<String, Object> metadata) {

    public String hash() {
        Object hash = metadata.get(EventHash.METADATA_KEY);
        return hash == null ? null : hash.toString();
    }

    EventHash.Input hashInput() {
        return new EventHash.Input(aggregateType, aggregateId, sequence == null ? 0 : sequence, eventId, type, revision,
                at.toEpochMilli(), payload, metadata);
    }
}
