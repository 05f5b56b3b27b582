package io.wrench.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of one stored event, chained to the previous event of the same aggregate: lowercase hex of
 * SHA-256 over the RFC 8785 canonical form of
 * {@code {aggregateType, aggregateId, sequence, eventId, type, revision, timestamp, payload, metadata,
 * previousHash}} (docs/audit.md gives every field). The hash itself is stored in the event's metadata
 * under {@link #METADATA_KEY} and is left out of the metadata it covers.
 */
public final class EventHash {

    public static final String METADATA_KEY = "auditHash";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** Everything the hash covers, as the event store keeps it. {@code payload} is the stored JSON. */
    public record Input(String aggregateType, String aggregateId, long sequence, String eventId, String type,
                        String revision, long timestampMillis, byte[] payload, Map<String, ?> metadata) {
    }

    private EventHash() {
    }

    public static String of(Input event, String previousHash) {
        return hex(sha256(CanonicalJson.bytes(canonicalObject(event, previousHash))));
    }

    static ObjectNode canonicalObject(Input event, String previousHash) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("aggregateType", event.aggregateType());
        node.put("aggregateId", event.aggregateId());
        node.put("sequence", event.sequence());
        node.put("eventId", event.eventId());
        node.put("type", event.type());
        node.put("revision", event.revision());
        node.put("timestamp", event.timestampMillis());
        node.set("payload", payloadTree(event.payload()));
        Map<String, Object> metadata = new TreeMap<>(event.metadata());
        metadata.remove(METADATA_KEY);
        node.set("metadata", JSON.valueToTree(metadata));
        node.put("previousHash", previousHash);
        return node;
    }

    /** The stored payload as a JSON value; a payload that is not JSON is covered as a string of its bytes. */
    static JsonNode payloadTree(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException notJson) {
            return JsonNodeFactory.instance.textNode(new String(payload, StandardCharsets.UTF_8));
        }
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
