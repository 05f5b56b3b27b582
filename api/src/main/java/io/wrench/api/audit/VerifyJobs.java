package io.wrench.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code POST /api/audit/verify}: a background pass over the whole store that re-checks every chain,
 * every ledger leaf, the ledger's root and signed checkpoints, and a saved digest when one is given.
 * Progress and result live in {@code audit_verification}, so any instance can answer for a job.
 */
class VerifyJobs {

    private static final Logger log = LoggerFactory.getLogger(VerifyJobs.class);
    private static final int PROGRESS_EVERY = 1000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final StoredEvents store;
    private final LedgerNodes ledger;
    private final DigestSigner signer;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "audit-verify");
        thread.setDaemon(true);
        return thread;
    });

    VerifyJobs(JdbcTemplate jdbc, StoredEvents store, LedgerNodes ledger, DigestSigner signer, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.ledger = ledger;
        this.signer = signer;
        this.clock = clock;
    }

    String start(Map<String, Object> digest) {
        String id = UUID.randomUUID().toString();
        long total = store.count();
        jdbc.update("insert into audit_verification (id, state, started_at, total, checked) values (?, 'RUNNING', ?, ?, 0)",
                id, now(), total);
        executor.submit(() -> run(id, digest));
        return id;
    }

    Optional<Map<String, Object>> status(String id) {
        return jdbc.query("select id, state, started_at, finished_at, total, checked, result from audit_verification "
                + "where id = ?", (row, i) -> {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("id", row.getString(1));
            status.put("state", row.getString(2));
            status.put("startedAt", row.getObject(3, OffsetDateTime.class).toInstant().toString());
            OffsetDateTime finished = row.getObject(4, OffsetDateTime.class);
            status.put("finishedAt", finished == null ? null : finished.toInstant().toString());
            status.put("total", row.getLong(5));
            status.put("checked", row.getLong(6));
            String result = row.getString(7);
            if (result != null) {
                status.putAll(parse(result));
            }
            return status;
        }, id).stream().findFirst();
    }

    private void run(String id, Map<String, Object> digest) {
        try {
            Map<String, Object> result = verify(digest, checked -> jdbc.update(
                    "update audit_verification set checked = ? where id = ?", checked, id));
            jdbc.update("update audit_verification set state = 'DONE', finished_at = ?, checked = ?, result = ? where id = ?",
                    now(), result.get("checked"), EventHash.JSON.writeValueAsString(result), id);
        } catch (Exception e) {
            log.error("Verification {} failed", id, e);
            jdbc.update("update audit_verification set state = 'FAILED', finished_at = ?, result = ? where id = ?",
                    now(), "{\"error\":\"the verification could not run; see the log\"}", id);
        }
    }

    /** The whole check; {@code progress} is told the count every {@value #PROGRESS_EVERY} events. */
    Map<String, Object> verify(Map<String, Object> digest, java.util.function.LongConsumer progress) {
        Long indexedUpTo = jdbc.queryForObject("select max(position) from audit_event", Long.class);
        long ledgerSize = ledger.size();
        Verification verification = new Verification();
        verification.wantRoot(ledgerSize);
        List<Map<String, Object>> checkpoints = jdbc.queryForList(
                "select tree_size, root_hash, signed_at, key_id, signature from audit_checkpoint order by tree_size");
        checkpoints.forEach(c -> verification.wantRoot(((Number) c.get("tree_size")).longValue()));
        if (digest != null) {
            verification.wantRoot(((Number) digest.get("treeSize")).longValue());
        }
        BitSet seen = new BitSet();
        store.all(event -> {
            verification.accept(event);
            String hash = event.hash();
            if (hash != null && event.leafIndex() != null) {
                seen.set(Math.toIntExact(event.leafIndex()));
                byte[] recorded = ledger.node(0, event.leafIndex());
                if (!java.util.Arrays.equals(recorded, MerkleTree.leafHash(EventHash.unhex(hash)))) {
                    verification.report(Broken.at(event, Verification.LEDGER_MISMATCH,
                            "the ledger recorded another event or hash at leaf " + event.leafIndex()));
                }
            } else if (hash != null && indexedUpTo != null && event.position() <= indexedUpTo) {
                verification.report(Broken.at(event, Verification.LEDGER_MISMATCH, "a hashed event the ledger never recorded"));
            }
            if (verification.checked() % PROGRESS_EVERY == 0) {
                progress.accept(verification.checked());
            }
        });
        int missing = seen.nextClearBit(0);
        if (missing < ledgerSize) {
            verification.report(missingLeaf(missing));
        }
        // roots only say that something in a range of leaves changed: they speak when nothing more precise did
        if (verification.firstBroken() == null && !verification.rootMatches(ledgerSize, ledger.root(ledgerSize))) {
            verification.report(new Broken(null, null, null, null, Verification.ROOT_MISMATCH,
                    "the ledger's stored nodes do not give the root of its leaves"));
        }
        if (verification.firstBroken() == null) {
            checkCheckpoints(verification, checkpoints);
        }
        if (verification.firstBroken() == null && digest != null) {
            long size = ((Number) digest.get("treeSize")).longValue();
            if (!verification.rootMatches(size, EventHash.unhex((String) digest.get("rootHash")))) {
                verification.report(new Broken(null, null, null, null, Verification.ROOT_MISMATCH,
                        "history differs from the saved digest of tree size " + size));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("checked", verification.checked());
        result.put("ledgerSize", ledgerSize);
        result.put("coveredFrom", verification.coveredFrom());
        result.put("firstBroken", verification.firstBroken());
        return result;
    }

    /**
     * The first signed checkpoint whose root the events no longer give narrows a rewrite to the leaves
     * after the last one that still matches: with a checkpoint per batch, usually to one event.
     */
    private void checkCheckpoints(Verification verification, List<Map<String, Object>> checkpoints) {
        long lastGood = 0;
        for (Map<String, Object> c : checkpoints) {
            long size = ((Number) c.get("tree_size")).longValue();
            boolean signed = signer.keyId().equals(c.get("key_id")) && signer.verifies(size, (String) c.get("root_hash"),
                    (String) c.get("signed_at"), (String) c.get("signature"));
            if (!signed) {
                verification.report(firstLeafOf(lastGood, Verification.ROOT_MISMATCH,
                        "the checkpoint of tree size " + size + " is not signed by the ledger's key"));
                return;
            }
            if (!verification.rootMatches(size, EventHash.unhex((String) c.get("root_hash")))) {
                verification.report(firstLeafOf(lastGood, Verification.ROOT_MISMATCH,
                        "history differs from the signed checkpoint of tree size " + size + "; it still matched at size "
                                + lastGood + ", so a leaf from " + lastGood + " to " + (size - 1)
                                + " changed; this event is leaf " + lastGood));
                return;
            }
            lastGood = size;
        }
    }

    private Broken firstLeafOf(long leafIndex, String reason, String detail) {
        return jdbc.query("select event_id, aggregate_id, sequence_number, position from audit_event where leaf_index = ?",
                (row, i) -> new Broken(row.getString(1), row.getString(2), (Long) row.getObject(3, Long.class),
                        row.getLong(4), reason, detail), leafIndex).stream().findFirst()
                .orElse(new Broken(null, null, null, null, reason, detail));
    }

    private Broken missingLeaf(long leafIndex) {
        return firstLeafOf(leafIndex, Verification.MISSING, "the ledger's leaf " + leafIndex
                + " names this event, which is no longer in the store");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return EventHash.JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("error", "unreadable result");
        }
    }
}
