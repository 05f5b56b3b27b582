package io.wrench.api.audit;

import io.wrench.api.web.ReadsFrom;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.InstantParameter;
import io.wrench.api.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

@RestController
@ReadsFrom(AuditLedger.PROCESSING_GROUP)
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Event history, search, export, ledger digests, proofs and verification")
class AuditController {

    static final int DEFAULT_LIMIT = 100;

    record AuditItem(long position, String eventId, String aggregateType, String aggregateId, Long sequence,
                     String type, String revision, Instant at,
                     @Schema(type = "object", types = "object", description = "the event's metadata as stored") @JsonRawValue String metadata,
                     String hash,
                     Long leafIndex) {
    }

    record AuditPage(List<AuditItem> items, Long next) {
    }

    record VerifyRequest(Map<String, Object> digest) {
    }

    /** The query parameters both search and export filter by ({@code from}/{@code to}: ISO-8601 instants). */
    record Filters(String aggregateId, String aggregateType, String type, String user, String requestId,
                   String correlationId, String from, String to) {

        AuditFilter parse() {
            Instant start = instant("from", from);
            Instant end = instant("to", to);
            if (start != null && end != null && start.isAfter(end)) {
                throw new FieldValidationException("from", "must not be after 'to'");
            }
            return new AuditFilter(blankToNull(aggregateId), blankToNull(aggregateType), blankToNull(type),
                    blankToNull(user), blankToNull(requestId), blankToNull(correlationId), start, end);
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditProperties properties;
    private final StoredEvents store;
    private final LedgerNodes ledger;
    private final DigestSigner signer;
    private final VerifyJobs jobs;
    private final Clock clock;

    AuditController(JdbcTemplate jdbc, AuditProperties properties, StoredEvents store, LedgerNodes ledger,
                    DigestSigner signer, VerifyJobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.store = store;
        this.ledger = ledger;
        this.signer = signer;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping(path = "/events", produces = "application/json")
    @Operation(summary = "Search the audit index; cursor paging on the global position (after, limit → items, next)")
    AuditPage events(@ParameterObject Filters filters, @RequestParam(required = false) Long after,
                     @RequestParam(required = false) Integer limit) {
        AuditFilter filter = filters.parse();
        if (after != null && after < 0) {
            throw new FieldValidationException("after", "must be a position (0 or more)");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > properties.getMaxPageSize()) {
            throw new FieldValidationException("limit", "must be between 1 and " + properties.getMaxPageSize());
        }
        List<AuditItem> items = page(jdbc, filter, after == null ? -1L : after, size);
        Long next = items.size() == size ? items.get(items.size() - 1).position() : null;
        return new AuditPage(items, next);
    }

    /** One page of the audit index in position order: the SQL the endpoint (and the benchmark) runs. */
    static List<AuditItem> page(JdbcTemplate jdbc, AuditFilter filter, long after, int size) {
        List<Object> params = new ArrayList<>();
        String sql = filter.page("a.position, a.event_id, a.aggregate_type, a.aggregate_id, a.sequence_number, "
                + "a.event_type, a.revision, a.occurred_at, a.metadata, a.hash, a.leaf_index", params, after, size);
        return jdbc.query(sql,
                (row, i) -> new AuditItem(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        (Long) row.getObject(5, Long.class), row.getString(6), row.getString(7),
                        row.getObject(8, java.time.OffsetDateTime.class).toInstant(), row.getString(9),
                        row.getString(10), (Long) row.getObject(11, Long.class)),
                params.toArray());
    }

    @GetMapping(path = "/export", produces = {"application/x-ndjson"})
    @Operation(summary = "The filtered events as NDJSON, one complete event per line; gzip with Accept-Encoding: gzip")
    void export(@ParameterObject Filters filters, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        AuditFilter filter = filters.parse();
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"events.ndjson\"");
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setHeader("Vary", "Accept-Encoding");
        OutputStream body = response.getOutputStream();
        OutputStream out = gzip ? new GZIPOutputStream(body, 64 * 1024) : new java.io.BufferedOutputStream(body, 64 * 1024);
        try (EventLines lines = new EventLines(out)) {
            store.matching(filter, lines::write);
        }
        out.close();
    }

    @GetMapping(path = "/digest", produces = "application/json")
    @Operation(summary = "The ledger's current size and root hash, signed ES256 (see /api/audit/digest-key)")
    Map<String, Object> digest() {
        long size = ledger.size();
        return signer.digest(size, ledger.root(size), clock.instant());
    }

    @GetMapping(path = "/digest-key", produces = "application/json")
    @Operation(summary = "The public key (JWK) that verifies digests")
    Map<String, Object> digestKey() {
        return signer.publicJwk();
    }

    @GetMapping(path = "/proof", produces = "application/json")
    @Operation(summary = "An RFC 9162 inclusion proof of an event in the ledger of a given size")
    Map<String, Object> proof(@RequestParam String eventId, @RequestParam(required = false) Long treeSize) {
        List<Long> leaf = jdbc.queryForList("select leaf_index from audit_event where event_id = ?", Long.class, eventId);
        if (leaf.isEmpty()) {
            throw new NotFoundException("no event with id " + eventId + " in the audit index");
        }
        if (leaf.get(0) == null) {
            throw new NotFoundException("event " + eventId + " was stored before the ledger began; it has no leaf");
        }
        long index = leaf.get(0);
        long current = ledger.size();
        long size = treeSize == null ? current : treeSize;
        if (size <= index || size > current) {
            throw new FieldValidationException("treeSize", "must be between " + (index + 1) + " and " + current
                    + " (the event is leaf " + index + ")");
        }
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("eventId", eventId);
        proof.put("leafIndex", index);
        proof.put("treeSize", size);
        proof.put("leafHash", EventHash.hex(ledger.node(0, index)));
        proof.put("rootHash", EventHash.hex(ledger.root(size)));
        proof.put("auditPath", MerkleTree.inclusionProof(ledger, index, size).stream().map(EventHash::hex).toList());
        return proof;
    }

    @GetMapping(path = "/consistency", produces = "application/json")
    @Operation(summary = "An RFC 9162 consistency proof: the tree of size 'to' only appended to the tree of size 'from'")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
        long current = ledger.size();
        if (from < 1 || from > to) {
            throw new FieldValidationException("from", "must be between 1 and 'to'");
        }
        if (to > current) {
            throw new FieldValidationException("to", "must be at most the ledger's size, " + current);
        }
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("from", from);
        proof.put("to", to);
        proof.put("fromRootHash", EventHash.hex(ledger.root(from)));
        proof.put("toRootHash", EventHash.hex(ledger.root(to)));
        proof.put("proof", MerkleTree.consistencyProof(ledger, from, to).stream().map(EventHash::hex).toList());
        return proof;
    }

    @PostMapping(path = "/verify", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start re-checking every chain and the ledger in the background (optionally against a saved digest)")
    ResponseEntity<Map<String, Object>> verify(@RequestBody(required = false) VerifyRequest body) {
        Map<String, Object> digest = body == null ? null : body.digest();
        if (digest != null && !(digest.get("treeSize") instanceof Number && digest.get("rootHash") instanceof String)) {
            throw new FieldValidationException("digest", "must be a digest as GET /api/audit/digest answers it");
        }
        String id = jobs.start(digest);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/audit/verify/" + id))
                .body(jobs.status(id).orElseThrow());
    }

    @GetMapping(path = "/verify/{id}", produces = "application/json")
    @Operation(summary = "Progress and result of a verification")
    Map<String, Object> verification(@PathVariable String id) {
        return jobs.status(id).orElseThrow(() -> new NotFoundException("no verification with id " + id));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return InstantParameter.parse(field, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            if (pieces[0].trim().equalsIgnoreCase("gzip")) {
                return pieces.length < 2 || !pieces[1].replace(" ", "").equalsIgnoreCase("q=0");
            }
        }
        return false;
    }
}
