package io.wrench.api.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One event as the store holds it: {@code at} is the stored ISO-8601 timestamp, {@code payload} and
 * {@code metadata} the stored JSON bytes (kept as bytes so an export copies them without re-encoding).
 * {@code leafIndex} is where the ledger recorded it (null when not, or not known).
 */
public record StoredEvent(long position, Long leafIndex, String eventId, String aggregateType, String aggregateId,
                          Long sequence, String type, String revision, String at, byte[] payload, byte[] metadata) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public Map<String, Object> metadataMap() {
        if (metadata == null || metadata.length == 0) {
            return Map.of();
        }
        try {
            return EventHash.JSON.readValue(metadata, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code auditHash} member of the metadata, read without building the whole map. */
    public String hash() {
        if (metadata == null || metadata.length == 0) {
            return null;
        }
        try (JsonParser parser = EventHash.JSON.getFactory().createParser(metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (EventHash.METADATA_KEY.equals(name) && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EventHash.Input hashInput() {
        return new EventHash.Input(aggregateType, aggregateId, sequence == null ? 0 : sequence, eventId, type, revision,
                DateTimeUtils.parseInstant(at).toEpochMilli(), payload, metadataMap());
    }
}
