package io.wrench.api.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database edits history behind the application's back; verification
 * names exactly the event. Each test puts the rows back afterwards, so the shared store stays intact.
 */
class AuditTamperHttpTest extends AuditTestSupport {

    private final List<Runnable> undo = new ArrayList<>();

    @AfterEach
    void restore() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
        JsonNode after = verify(null);
        assertThat(after.get("firstBroken").isNull()).as("put back, history verifies again: " + after).isTrue();
    }

    /** Changes one column of one stored event, and remembers how to put it back. */
    private void tamper(String eventId, String column, Object value) {
        Object original = jdbc.queryForObject("select " + column + " from domain_event_entry where event_identifier = ?",
                Object.class, eventId);
        jdbc.update("update domain_event_entry set " + column + " = ? where event_identifier = ?", value, eventId);
        undo.add(() -> jdbc.update("update domain_event_entry set " + column + " = ? where event_identifier = ?",
                original, eventId));
    }

    private static String id(Map<String, Object> row) {
        return (String) row.get("event_identifier");
    }

    private static String text(Map<String, Object> row, String column) {
        return new String((byte[]) row.get(column), StandardCharsets.UTF_8);
    }

    private static void assertBroken(JsonNode result, Map<String, Object> event, String reason) {
        JsonNode broken = result.get("firstBroken");
        assertThat(broken.isNull()).as("something must be found: " + result).isFalse();
        assertThat(broken.get("eventId").asString()).as(broken.toString()).isEqualTo(id(event));
        assertThat(broken.get("aggregateId").asString()).isEqualTo(event.get("aggregate_identifier"));
        assertThat(broken.get("sequence").asLong()).isEqualTo(((Number) event.get("sequence_number")).longValue());
        assertThat(broken.get("reason").asString()).as(broken.toString()).isEqualTo(reason);
    }

    @Test
    void one_changed_byte_in_a_payload() {
        List<Map<String, Object>> events = rows(customerWithThreeEvents(unique("Byte")));
        byte[] payload = ((byte[]) events.get(1).get("payload")).clone();
        String json = new String(payload, StandardCharsets.UTF_8);
        int digit = json.indexOf("555-0001") + 7;
        payload[digit] = (byte) '9';

        tamper(id(events.get(1)), "payload", payload);

        assertBroken(verify(null), events.get(1), Verification.HASH_MISMATCH);
    }

    @Test
    void an_edited_metadata_field() {
        List<Map<String, Object>> events = rows(customerWithThreeEvents(unique("Meta")));
        String metadata = text(events.get(0), "meta_data");

        tamper(id(events.get(0)), "meta_data",
                metadata.replace("\"userId\":\"advisor-client\"", "\"userId\":\"someone-else\"").getBytes(StandardCharsets.UTF_8));

        assertThat(text(rows((String) events.get(0).get("aggregate_identifier")).get(0), "meta_data")).contains("someone-else");
        assertBroken(verify(null), events.get(0), Verification.HASH_MISMATCH);
    }

    @Test
    void a_deleted_event() {
        List<Map<String, Object>> events = rows(customerWithThreeEvents(unique("Deleted")));
        Map<String, Object> deleted = events.get(1);
        jdbc.update("delete from domain_event_entry where event_identifier = ?", id(deleted));
        undo.add(() -> insert(deleted));

        assertBroken(verify(null), deleted, Verification.MISSING);
    }

    @Test
    void two_events_swapped() {
        List<Map<String, Object>> events = rows(customerWithThreeEvents(unique("Swapped")));
        long first = ((Number) events.get(1).get("global_index")).longValue();
        long second = ((Number) events.get(2).get("global_index")).longValue();
        swap(id(events.get(1)), id(events.get(2)), first, second);
        undo.add(() -> swap(id(events.get(2)), id(events.get(1)), first, second));

        // the event stored first now is the later one: out of its aggregate's order
        assertBroken(verify(null), events.get(2), Verification.OUT_OF_ORDER);
    }

    private void swap(String firstId, String secondId, long firstIndex, long secondIndex) {
        jdbc.update("update domain_event_entry set global_index = ? where event_identifier = ?", -1L, firstId);
        jdbc.update("update domain_event_entry set global_index = ? where event_identifier = ?", firstIndex, secondId);
        jdbc.update("update domain_event_entry set global_index = ? where event_identifier = ?", secondIndex, firstId);
    }

    @Test
    void a_whole_aggregate_rewritten_with_consistent_hashes_is_caught_by_a_digest_saved_before(@TempDir Path dir)
            throws Exception {
        // the ledger is idle before the aggregate's first event, so a signed checkpoint ends right before it
        customerWithThreeEvents(unique("Quiet"));
        List<Map<String, Object>> events = rows(customerWithThreeEvents(unique("Rewritten")));
        Path digest = dir.resolve("digest.json");
        Files.writeString(digest, Api.JSON.writeValueAsString(digest()));

        rewriteConsistently(events);

        JsonNode withoutTheCheckpoints = verifyIgnoringCheckpoints();
        assertThat(withoutTheCheckpoints.get("firstBroken").isNull())
                .as("chains, leaves and the ledger's root are all consistent again: " + withoutTheCheckpoints).isTrue();
        assertBroken(verify(null), events.get(0), Verification.ROOT_MISMATCH);

        Path export = dir.resolve("events.ndjson");
        Files.write(export, api.as(Role.AUDITOR).get("/api/audit/export").bytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = StandaloneVerifier.run(new String[]{"--export", export.toString(), "--digest", digest.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(Api.JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("firstBroken").get("reason").asString())
                .isEqualTo(Verification.ROOT_MISMATCH);
    }

    @Test
    void the_stand_alone_verifier_names_the_changed_event_of_an_export(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> events = rows(customerWithThreeEvents(unique("Offline")));
        Path digest = dir.resolve("digest.json");
        Files.writeString(digest, Api.JSON.writeValueAsString(digest()));
        String eventId = id(events.get(1));
        StringBuilder edited = new StringBuilder();
        for (String line : api.as(Role.AUDITOR).get("/api/audit/export").body().split("\n")) {
            edited.append(line.contains(eventId) ? line.replace("555-0001", "555-0002") : line).append('\n');
        }
        Path export = dir.resolve("events.ndjson");
        Files.writeString(export, edited);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = StandaloneVerifier.run(new String[]{"--export", export.toString(), "--digest", digest.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        JsonNode broken = Api.JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("firstBroken");
        assertThat(broken.get("eventId").asString()).isEqualTo(eventId);
        assertThat(broken.get("reason").asString()).isEqualTo(Verification.HASH_MISMATCH);
    }

    /** What an attacker with the database but not the signing key can do: recompute every hash and the ledger. */
    private void rewriteConsistently(List<Map<String, Object>> events) throws Exception {
        List<Map<String, Object>> nodes = jdbc.queryForList("select height, idx, hash from audit_merkle_node");
        Map<Long, String> indexHashes = new java.util.HashMap<>();
        String previous = null;
        for (Map<String, Object> event : events) {
            String payload = text(event, "payload");
            String metadataText = text(event, "meta_data");
            long position = ((Number) event.get("global_index")).longValue();
            indexHashes.put(position, jdbc.queryForObject("select hash from audit_event where position = ?",
                    String.class, position));
            String newPayload = payload.contains("Rewritten") ? payload.replace("Rewritten", "Forged") : payload;
            Map<String, Object> metadata = EventHash.JSON.readValue(metadataText, new TypeReference<>() {
            });
            String hash = EventHash.of(new EventHash.Input((String) event.get("type"), (String) event.get("aggregate_identifier"),
                    ((Number) event.get("sequence_number")).longValue(), id(event), (String) event.get("payload_type"),
                    (String) event.get("payload_revision"),
                    DateTimeUtils.parseInstant((String) event.get("time_stamp")).toEpochMilli(),
                    newPayload.getBytes(StandardCharsets.UTF_8), metadata), previous);
            metadata.put(EventHash.METADATA_KEY, hash);
            tamper(id(event), "payload", newPayload.getBytes(StandardCharsets.UTF_8));
            tamper(id(event), "meta_data", EventHash.JSON.writeValueAsBytes(metadata));
            jdbc.update("update audit_event set hash = ? where position = ?", hash, position);
            previous = hash;
        }
        rebuildLedgerNodes();
        undo.add(() -> {
            indexHashes.forEach((position, hash) -> jdbc.update("update audit_event set hash = ? where position = ?",
                    hash, position));
            jdbc.update("delete from audit_merkle_node");
            nodes.forEach(n -> jdbc.update("insert into audit_merkle_node (height, idx, hash) values (?, ?, ?)",
                    n.get("height"), n.get("idx"), n.get("hash")));
        });
    }

    private void rebuildLedgerNodes() {
        List<String> leaves = jdbc.queryForList("select hash from audit_event where leaf_index is not null order by leaf_index",
                String.class);
        jdbc.update("delete from audit_merkle_node");
        LedgerNodes ledger = new LedgerNodes(jdbc);
        leaves.forEach(hash -> ledger.append(EventHash.unhex(hash)));
    }

    /** The verification as it would be without signed checkpoints (moved aside for the call). */
    private JsonNode verifyIgnoringCheckpoints() {
        List<Map<String, Object>> checkpoints = jdbc.queryForList("select * from audit_checkpoint");
        jdbc.update("delete from audit_checkpoint");
        try {
            return verify(null);
        } finally {
            checkpoints.forEach(c -> jdbc.update("insert into audit_checkpoint (tree_size, root_hash, signed_at, key_id, "
                            + "signature) values (?, ?, ?, ?, ?)", c.get("tree_size"), c.get("root_hash"),
                    c.get("signed_at"), c.get("key_id"), c.get("signature")));
        }
    }

    private void insert(Map<String, Object> row) {
        jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("global_index"), row.get("aggregate_identifier"),
                row.get("sequence_number"), row.get("type"), row.get("event_identifier"), row.get("meta_data"),
                row.get("payload"), row.get("payload_revision"), row.get("payload_type"), row.get("time_stamp"));
    }
}
