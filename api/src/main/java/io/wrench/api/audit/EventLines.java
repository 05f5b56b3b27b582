package io.wrench.api.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The export format: one event per line (NDJSON), {@code payload} embedded exactly as stored. The
 * stand-alone verifier reads it back with {@link #read(String)}.
 */
public final class EventLines implements AutoCloseable {

    private final JsonGenerator json;

    public EventLines(OutputStream out) {
        try {
            this.json = EventHash.JSON.getFactory().createGenerator(out);
            this.json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(StoredEvent event) {
        try {
            json.writeStartObject();
            json.writeNumberField("position", event.position());
            numberOrNull("leafIndex", event.leafIndex());
            json.writeStringField("eventId", event.eventId());
            json.writeStringField("aggregateType", event.aggregateType());
            json.writeStringField("aggregateId", event.aggregateId());
            numberOrNull("sequence", event.sequence());
            json.writeStringField("type", event.type());
            json.writeStringField("revision", event.revision());
            json.writeStringField("at", event.at());
            json.writeFieldName("payload");
            json.writeRawValue(new String(event.payload(), StandardCharsets.UTF_8));
            json.writeFieldName("metadata");
            byte[] metadata = event.metadata();
            json.writeRawValue(metadata == null || metadata.length == 0 ? "{}" : new String(metadata, StandardCharsets.UTF_8));
            json.writeStringField("hash", event.hash());
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void numberOrNull(String field, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    /** Reads one line back; the payload is re-encoded from the parsed value, which leaves its canonical form alone. */
    public static StoredEvent read(String line) {
        try {
            JsonNode node = EventHash.JSON.readTree(line);
            return new StoredEvent(node.get("position").asLong(), longOrNull(node.get("leafIndex")),
                    text(node.get("eventId")), text(node.get("aggregateType")), text(node.get("aggregateId")),
                    longOrNull(node.get("sequence")), text(node.get("type")), text(node.get("revision")),
                    node.get("at").asText(), EventHash.JSON.writeValueAsBytes(node.get("payload")),
                    EventHash.JSON.writeValueAsBytes(node.get("metadata")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Long longOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asLong();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    @Override
    public void close() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
