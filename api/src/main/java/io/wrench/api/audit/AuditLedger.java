package io.wrench.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wrench.api.web.RequestMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the audit index and appends the ledger, reading every event of the store in global order on
 * one segment. An event that carries an {@link EventHash} becomes the next leaf; events written before
 * hashing began are indexed but have no leaf, so the ledger starts at the upgrade. It cannot be replayed:
 * rebuilding the ledger from the store would enshrine whatever the store holds now.
 */
@Component
@ProcessingGroup(AuditLedger.PROCESSING_GROUP)
@DisallowReplay
class AuditLedger {

    static final String PROCESSING_GROUP = "audit-ledger";

    private static final String CHECKPOINT = AuditLedger.class.getName() + ".checkpoint";

    private final JdbcTemplate jdbc;
    private final LedgerNodes nodes;
    private final Serializer serializer;
    private final DigestSigner signer;
    private final Clock clock;

    AuditLedger(JdbcTemplate jdbc, LedgerNodes nodes, @Qualifier("eventSerializer") Serializer serializer,
                DigestSigner signer, Clock clock) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.serializer = serializer;
        this.signer = signer;
        this.clock = clock;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
        Integer known = jdbc.queryForObject("select count(*) from audit_event where position = ?", Integer.class, position);
        if (known != null && known > 0) {
            return;
        }
        Map<String, Object> metadata = new TreeMap<>(event.getMetaData());
        String hash = (String) metadata.get(EventHash.METADATA_KEY);
        Long leaf = hash == null ? null : nodes.append(EventHash.unhex(hash));
        if (leaf != null) {
            checkpointAtCommit();
        }
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        SerializedType type = event.serializePayload(serializer, byte[].class).getType();
        jdbc.update("insert into audit_event (position, event_id, aggregate_type, aggregate_id, sequence_number, "
                        + "event_type, revision, occurred_at, user_id, user_name, client_id, request_id, correlation_id, "
                        + "trace_id, metadata, hash, leaf_index) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                position, event.getIdentifier(),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                type.getName(), type.getRevision(),
                OffsetDateTime.ofInstant(event.getTimestamp(), ZoneOffset.UTC),
                metadata.get(RequestMetadata.USER), metadata.get(RequestMetadata.USER_NAME),
                metadata.get(RequestMetadata.CLIENT), metadata.get(RequestMetadata.REQUEST_ID),
                metadata.get("correlationId"), metadata.get("traceId"),
                json(metadata), hash, leaf);
    }

    /** Once per batch, in its transaction: sign the root the batch leaves behind (a signed tree head). */
    private void checkpointAtCommit() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(CHECKPOINT, key -> {
            batch.onPrepareCommit(u -> {
                long size = nodes.size();
                Map<String, Object> digest = signer.digest(size, nodes.root(size), clock.instant());
                jdbc.update("insert into audit_checkpoint (tree_size, root_hash, signed_at, key_id, signature) "
                                + "values (?, ?, ?, ?, ?)", size, digest.get("rootHash"), digest.get("at"),
                        digest.get("keyId"), digest.get("signature"));
            });
            return Boolean.TRUE;
        });
    }

    private static String json(Map<String, Object> metadata) {
        try {
            return EventHash.JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
