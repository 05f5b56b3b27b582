package io.wrench.api.audit;

import com.nimbusds.jose.jwk.ECKey;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger: signed digests, inclusion and consistency proofs, verification, the stand-alone verifier. */
class AuditLedgerHttpTest extends AuditTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * A new database beside an event store that already holds events (Axon Server keeps the events when the
     * PostgreSQL database is made again): the ledger's first start must index and append every stored event.
     * With Axon's default first token (a replay up to the head) its {@code @DisallowReplay} handler skipped
     * them all, and verify reported the first one as "a hashed event the ledger never recorded".
     */
    @Test
    void a_first_start_on_a_store_that_already_holds_events_indexes_and_appends_them_all() {
        customerWithThreeEvents("Before The Ledger");
        Map<String, Object> before = digest();
        var ledger = processing.eventProcessor(AuditLedger.PROCESSING_GROUP,
                org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        ledger.shutDown();
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("delete from token_entry where processor_name = ?", AuditLedger.PROCESSING_GROUP);
            jdbc.update("delete from audit_event");
            jdbc.update("delete from audit_merkle_node");
            jdbc.update("delete from audit_checkpoint");
        });
        ledger.start();
        Integer stored = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!stored.equals(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .as("every stored event indexed again").isEqualTo(stored);
        Map<String, Object> after = digest();
        assertThat(after.get("treeSize")).as("every hashed event a leaf again").isEqualTo(before.get("treeSize"));
        assertThat(after.get("rootHash")).as("the same leaves in the same order").isEqualTo(before.get("rootHash"));
        JsonNode verified = verify(before);
        assertThat(verified.get("firstBroken").isNull()).as(verified.toString()).isTrue();
    }

    private String firstEventId(String aggregateId) {
        return (String) rows(aggregateId).get(0).get("event_identifier");
    }

    private static List<byte[]> hashes(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(node -> EventHash.unhex(node.asString())).toList();
    }

    @Test
    void the_digest_is_signed_with_the_published_key() throws Exception {
        customerWithThreeEvents(unique("Digest"));
        Map<String, Object> digest = digest();
        Api.Response key = api.as(Role.ADMIN).get("/api/audit/digest-key");

        assertThat(((Number) digest.get("treeSize")).longValue()).isGreaterThanOrEqualTo(3);
        assertThat((String) digest.get("rootHash")).hasSize(64);
        ECKey jwk = ECKey.parse(key.body());
        assertThat(jwk.isPrivate()).as("only the public half is published").isFalse();
        assertThat(jwk.getKeyID()).isEqualTo(digest.get("keyId"));
        assertThat(DigestSigner.verify(digest, jwk.toECPublicKey())).isTrue();
        Map<String, Object> forged = new HashMap<>(digest);
        forged.put("rootHash", "0".repeat(64));
        assertThat(DigestSigner.verify(forged, jwk.toECPublicKey())).isFalse();
    }

    @Test
    void an_inclusion_proof_ties_an_event_to_a_saved_digest() {
        String customer = customerWithThreeEvents(unique("Proof"));
        String eventId = firstEventId(customer);
        String eventHash = api.as(Role.AUDITOR).get("/api/customers/" + customer + "/history").json()
                .get("items").get(0).get("hash").asString();
        Map<String, Object> digest = digest();
        long treeSize = ((Number) digest.get("treeSize")).longValue();

        JsonNode proof = api.as(Role.AUDITOR).get("/api/audit/proof?eventId=" + eventId + "&treeSize=" + treeSize).json();

        byte[] leaf = MerkleTree.leafHash(EventHash.unhex(eventHash));
        assertThat(proof.get("leafHash").asString()).isEqualTo(EventHash.hex(leaf));
        assertThat(proof.get("rootHash").asString()).isEqualTo(digest.get("rootHash"));
        assertThat(MerkleTree.verifyInclusion(leaf, proof.get("leafIndex").asLong(), treeSize,
                hashes(proof.get("auditPath")), EventHash.unhex((String) digest.get("rootHash")))).isTrue();
    }

    @Test
    void a_consistency_proof_shows_the_ledger_only_grew() {
        customerWithThreeEvents(unique("Before"));
        Map<String, Object> before = digest();
        customerWithThreeEvents(unique("After"));
        Map<String, Object> after = digest();
        long from = ((Number) before.get("treeSize")).longValue();
        long to = ((Number) after.get("treeSize")).longValue();

        JsonNode proof = api.as(Role.AUDITOR).get("/api/audit/consistency?from=" + from + "&to=" + to).json();

        assertThat(to).isGreaterThan(from);
        assertThat(proof.get("fromRootHash").asString()).isEqualTo(before.get("rootHash"));
        assertThat(MerkleTree.verifyConsistency(from, to, EventHash.unhex((String) before.get("rootHash")),
                EventHash.unhex((String) after.get("rootHash")), hashes(proof.get("proof")))).isTrue();
    }

    @Test
    void bad_proof_requests_are_problem_details() {
        String customer = customerWithThreeEvents(unique("BadProof"));
        long size = ((Number) digest().get("treeSize")).longValue();
        Map<String, Integer> expected = Map.of(
                "/api/audit/proof?eventId=" + UUID.randomUUID(), 404,
                "/api/audit/proof", 400,
                "/api/audit/proof?eventId=" + firstEventId(customer) + "&treeSize=" + (size + 10), 400,
                "/api/audit/proof?eventId=" + firstEventId(customer) + "&treeSize=0", 400,
                "/api/audit/consistency?from=0&to=" + size, 400,
                "/api/audit/consistency?from=2&to=1", 400,
                "/api/audit/consistency?from=1&to=" + (size + 10), 400,
                "/api/audit/consistency?from=abc&to=1", 400,
                "/api/audit/verify/" + UUID.randomUUID(), 404);
        expected.forEach((path, status) -> {
            Api.Response response = api.as(Role.AUDITOR).get(path);
            assertThat(response.status()).as(path).isEqualTo(status);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        });
        Api.Response badDigest = api.as(Role.AUDITOR).post("/api/audit/verify", Map.of("digest", Map.of("treeSize", "x")));
        assertThat(badDigest.status()).isEqualTo(400);
        assertThat(api.as(Role.ANALYST).post("/api/audit/verify", Map.of()).status()).isEqualTo(403);
        assertThat(api.as(Role.MANAGER).get("/api/audit/digest").status()).isEqualTo(403);
    }

    @Test
    void verification_of_an_untouched_store_finds_nothing_and_says_what_it_covers() {
        customerWithThreeEvents(unique("Clean"));
        Map<String, Object> digest = digest();

        JsonNode result = verify(digest);

        assertThat(result.get("firstBroken").isNull()).as(result.toString()).isTrue();
        assertThat(result.get("checked").asLong()).isGreaterThanOrEqualTo(3).isEqualTo(result.get("total").asLong());
        assertThat(result.get("coveredFrom").isNumber()).isTrue();
        assertThat(result.get("ledgerSize").asLong()).isGreaterThanOrEqualTo((Long) ((Number) digest.get("treeSize")).longValue());

        Map<String, Object> forged = new HashMap<>(digest);
        forged.put("rootHash", "ab".repeat(32));
        assertThat(verify(forged).get("firstBroken").get("reason").asString()).isEqualTo(Verification.ROOT_MISMATCH);
    }

    @Test
    void the_stand_alone_verifier_needs_only_an_export_a_digest_and_the_key(@TempDir Path dir) throws Exception {
        customerWithThreeEvents(unique("Standalone"));
        Path digest = dir.resolve("digest.json");
        Files.writeString(digest, Api.JSON.writeValueAsString(digest()));
        Path key = dir.resolve("key.json");
        Files.writeString(key, api.as(Role.AUDITOR).get("/api/audit/digest-key").body());
        Path export = dir.resolve("events.ndjson");
        Files.write(export, api.as(Role.AUDITOR).get("/api/audit/export").bytes());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = StandaloneVerifier.run(new String[]{"--export", export.toString(), "--digest", digest.toString(),
                "--key", key.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode result = Api.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("signatureValid").asBoolean()).isTrue();
        assertThat(StandaloneVerifier.run(new String[]{"--export", export.toString()}, new PrintStream(new ByteArrayOutputStream())))
                .as("missing --digest").isEqualTo(2);
    }

    @Test
    void the_ledger_cannot_be_rebuilt_from_what_the_store_holds_now() {
        Api.Response rebuild = api.as(Role.ADMIN).post("/api/admin/projections/" + AuditLedger.PROCESSING_GROUP + "/rebuild", null);

        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(409);
    }

    @Test
    void a_store_written_before_hashing_keeps_working_and_its_old_events_are_outside_the_ledger() {
        String legacy = UUID.randomUUID().toString();
        String legacyEvent = UUID.randomUUID().toString();
        String name = unique("Legacy");
        long index = jdbc.queryForObject(nextEventIndex(), Long.class);
        jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, ?, 0, 'Customer', ?, ?, ?, '1', 'io.wrench.shared.customer.CustomerRegistered', ?)",
                index, legacy, legacyEvent, "{\"userId\":\"old-system\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"customerId\":\"" + legacy + "\",\"name\":\"" + name + "\",\"email\":\"" + name
                        + "@example.com\",\"phone\":null,\"address\":null}").getBytes(StandardCharsets.UTF_8),
                org.axonframework.common.DateTimeUtils.formatInstant(java.time.Instant.now()));

        Api.Response updated = api.as(Role.ADVISOR).patch("/api/customers/" + legacy, Map.of("phone", "555-0199"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        awaitLedger(updated);

        JsonNode history = api.as(Role.AUDITOR).get("/api/customers/" + legacy + "/history").json().get("items");
        assertThat(history.get(0).get("hash").isNull()).isTrue();
        assertThat(history.get(1).get("hash").asString()).hasSize(64);
        assertThat(api.as(Role.AUDITOR).get("/api/audit/proof?eventId=" + legacyEvent).status()).isEqualTo(404);
        assertThat(verify(null).get("firstBroken").isNull()).isTrue();
    }

    private String nextEventIndex() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return product.toLowerCase().contains("postgres") ? "select nextval('domain_event_entry_seq')"
                : "select next value for domain_event_entry_seq";
    }
}
