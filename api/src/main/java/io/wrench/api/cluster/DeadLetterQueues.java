package io.wrench.api.cluster;

import io.wrench.shared.DeadLettered;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The projections' dead letters (Axon's {@code JpaSequencedDeadLetterQueue}, table {@code dead_letter_entry},
 * shared by every instance): an event a handler failed on is parked with its sequence (the processor's
 * sequencing policy: the aggregate, or the whole stream for a processor in stored order) and every
 * later event of that sequence waits behind it; every other sequence goes on. Any instance may list,
 * retry or evict a letter, whichever owns the segment: the queue claims a sequence in the database while
 * it processes it, and a retry runs the projection's handlers on the asking instance. An eviction is
 * recorded in {@code dead_letter_eviction} with its reason and who asked, in the same transaction.
 */
public class DeadLetterQueues {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueues.class);
    static final String ATTEMPTS = "attempts";
    /** Aggregates (sequences) a projection may park; one more stops it in ERROR instead. */
    static final int SEQUENCES = 10_000;
    /** Events parked behind one failure; an {@code InStoredOrder} projection parks all that follow it. */
    static final int SEQUENCE_SIZE = 100_000;

    /** The queue of a processing group (a projection, or the copy a rebuild builds of one), in the same database. */
    public static JpaSequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup,
                                                                     EntityManagerProvider entityManagers,
                                                                     TransactionManager transactions,
                                                                     Serializer eventSerializer,
                                                                     Serializer genericSerializer) {
        return JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .entityManagerProvider(entityManagers)
                .transactionManager(transactions)
                .eventSerializer(eventSerializer)
                .genericSerializer(genericSerializer)
                .maxSequences(SEQUENCES)
                .maxSequenceSize(SEQUENCE_SIZE)
                .build();
    }

    /** Every failure parks (or parks again) the event and counts the attempt in the letter's diagnostics. */
    public static final EnqueuePolicy<EventMessage<?>> COUNTING_ATTEMPTS = (letter, cause) -> Decisions.enqueue(
            ThrowableCause.truncated(cause != null ? cause
                    : new IllegalStateException("the transaction failed at its commit"), 1000),
            l -> l.diagnostics().and(ATTEMPTS, attempts(l) + 1));

    /** One parked event as the operations endpoints show it. */
    public record ParkedEvent(String id, String projection, String sequence, long index, boolean waiting,
                         String eventId, String eventType, String aggregateId, Long aggregateSequence,
                         String causeType, String causeMessage, int attempts, Instant parkedAt,
                         Instant firstFailure, Instant lastFailure) {
    }

    /** What a retry did: whether the letter's sequence went through, and how many events are still parked there. */
    public record RetryResult(String projection, String sequence, boolean succeeded, long remaining) {
    }

    public record EvictionRecord(String id, String projection, String sequence, String eventId, String eventType,
                           String aggregateId, Long aggregateSequence, String causeType, String causeMessage,
                           Instant parkedAt, String reason, String evictedBy, Instant evictedAt,
                           Long remaining) {
    }

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ViewCopies copies;
    private final ProcessorProgress progress;
    private final Set<String> projections;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;
    private final Clock clock;

    public DeadLetterQueues(ObjectProvider<EventProcessingConfiguration> processing, List<DeadLettered> declarations,
                            ViewCopies copies, ProcessorProgress progress, JdbcTemplate jdbc,
                            TransactionManager transactions, Clock clock) {
        this.processing = processing;
        this.copies = copies;
        this.progress = progress;
        // a rebuild's copy parks what it fails on in a queue of its own, <projection>@copy (ViewCopies)
        this.projections = new TreeSet<>(declarations.stream().map(DeadLettered::processingGroup).toList());
        copies.withDeadLetters().forEach(live -> projections.add(ViewCopies.copyName(live)));
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The processors with a dead-letter queue. */
    public Set<String> projections() {
        return projections;
    }

    /** Events parked by the projection (0 for a processor without a queue). */
    public long count(String projection) {
        return queue(projection).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** Every parked event of the projections named (all when null), sequence by sequence, in order. */
    public List<ParkedEvent> list(String projection) {
        List<ParkedEvent> letters = new ArrayList<>();
        for (String name : projection == null ? projections : Set.of(projection)) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name).orElse(null);
            if (queue == null) {
                continue;
            }
            transactions.executeInTransaction(() -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    boolean first = true;
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        letters.add(view(name, (JpaDeadLetter<?>) letter, !first));
                        first = false;
                    }
                }
            });
        }
        return letters;
    }

    /**
     * Handles the letter's sequence again, from its first event (the one that failed), on this
     * instance; empty when no letter has this id.
     */
    public Optional<RetryResult> retry(String id) {
        return locate(id).map(at -> new RetryResult(at.projection(), at.sequence(), process(at), remaining(at)));
    }

    /** Retries every parked sequence of the projections named (all when null), each once. */
    public List<RetryResult> retryAll(String projection) {
        List<RetryResult> results = new ArrayList<>();
        for (String name : projection == null ? projections : Set.of(projection)) {
            List<String> sequences = jdbc.queryForList("select distinct sequence_identifier from dead_letter_entry "
                    + "where processing_group = ? order by sequence_identifier", String.class, name);
            for (String sequence : sequences) {
                Located at = new Located(name, sequence);
                results.add(new RetryResult(name, sequence, process(at), remaining(at)));
            }
        }
        return results;
    }

    /**
     * Removes the letter for good (the view never sees its event) and records why and who; the events
     * behind it stay parked until a retry lets them through. Empty when no letter has this id.
     */
    public Optional<EvictionRecord> evict(String id, String reason, String evictedBy) {
        return locate(id).flatMap(at -> transactions.fetchInTransaction(() -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(at.projection()).orElseThrow();
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(at.sequence())) {
                JpaDeadLetter<?> jpa = (JpaDeadLetter<?>) letter;
                if (!jpa.getId().equals(id)) {
                    continue;
                }
                ParkedEvent seen = view(at.projection(), jpa, false);
                Instant now = clock.instant();
                jdbc.update("insert into dead_letter_eviction (dead_letter_id, processing_group, sequence_identifier, "
                                + "event_identifier, payload_type, aggregate_id, sequence_number, cause_type, cause_message, "
                                + "enqueued_at, reason, evicted_by, evicted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, at.projection(), at.sequence(), seen.eventId(), seen.eventType(), seen.aggregateId(),
                        seen.aggregateSequence(), seen.causeType(), seen.causeMessage(),
                        Timestamp.from(seen.parkedAt()), reason, evictedBy, Timestamp.from(now));
                queue.evict(letter);
                log.warn("Dead letter {} of {} (event {} {}) evicted by {}: {}", id, at.projection(), seen.eventType(),
                        seen.eventId(), evictedBy, reason);
                return Optional.of(new EvictionRecord(id, at.projection(), at.sequence(), seen.eventId(), seen.eventType(),
                        seen.aggregateId(), seen.aggregateSequence(), seen.causeType(), seen.causeMessage(),
                        seen.parkedAt(), reason, evictedBy, now, queue.sequenceSize(at.sequence())));
            }
            return Optional.<EvictionRecord>empty();
        }));
    }

    /** The evictions recorded, newest first, of the projections named (all when null). */
    public List<EvictionRecord> evictions(String projection, int limit) {
        String where = projection == null ? "" : " where processing_group = ?";
        Object[] args = projection == null ? new Object[]{limit} : new Object[]{projection, limit};
        return jdbc.query("select dead_letter_id, processing_group, sequence_identifier, event_identifier, payload_type, "
                + "aggregate_id, sequence_number, cause_type, cause_message, enqueued_at, reason, evicted_by, evicted_at "
                + "from dead_letter_eviction" + where + " order by evicted_at desc, dead_letter_id fetch first ? rows only",
                (rs, i) -> new EvictionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12),
                        rs.getTimestamp(13).toInstant(), null), args);
    }

    private record Located(String projection, String sequence) {
    }

    private Optional<Located> locate(String id) {
        return jdbc.query("select processing_group, sequence_identifier from dead_letter_entry where dead_letter_id = ?",
                        (rs, i) -> new Located(rs.getString(1), rs.getString(2)), id).stream()
                .filter(at -> projections.contains(at.projection())).findFirst();
    }

    /**
     * Handles the sequence's first letter and those behind it as long as they go through. A retry runs in one
     * transaction: when the event's changes cannot be written at its commit, all of it rolls back (the letter,
     * its claim and its attempts stay as they were) and the retry did not succeed.
     */
    private boolean process(Located at) {
        try {
            return processor(at.projection()).process(
                    first -> at.sequence().equals(((JpaDeadLetter<?>) first).getSequenceIdentifier()));
        } catch (RuntimeException failedAtCommit) {
            log.warn("Retry of the dead letters of {} in {} failed when its changes were written: {}", at.sequence(),
                    at.projection(), failedAtCommit.toString());
            return false;
        }
    }

    private long remaining(Located at) {
        return queue(at.projection()).map(q -> q.sequenceSize(at.sequence())).orElse(0L);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        if (!projections.contains(projection)) {
            return Optional.empty();
        }
        return ViewCopies.liveName(projection)
                .map(live -> Optional.of(copyLetters(live).queue()))
                .orElseGet(() -> processing.getObject().deadLetterQueue(projection));
    }

    private ViewCopies.CopyDeadLetters copyLetters(String liveProcessor) {
        return copies.deadLetters(progress.processor(liveProcessor).orElseThrow());
    }

    /** A copy's letters are retried by the copy's handlers in the copy's tables, on whichever instance is asked. */
    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String projection) {
        return ViewCopies.liveName(projection)
                .<SequencedDeadLetterProcessor<EventMessage<?>>>map(live -> copyLetters(live).processor())
                .or(() -> processing.getObject().sequencedDeadLetterProcessor(projection))
                .orElseThrow(() -> new IllegalStateException(projection + " has no dead-letter queue"));
    }

    private static ParkedEvent view(String projection, JpaDeadLetter<?> letter, boolean waiting) {
        EventMessage<?> message = letter.message();
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long aggregateSequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Cause cause = letter.cause().orElse(null);
        int attempts = attempts(letter);
        return new ParkedEvent(letter.getId(), projection, letter.getSequenceIdentifier(), letter.getIndex(), waiting,
                message.getIdentifier(), message.getPayloadType().getSimpleName(), aggregateId, aggregateSequence,
                cause == null ? null : cause.type(), cause == null ? null : cause.message(), attempts,
                letter.enqueuedAt(), attempts == 0 ? null : letter.enqueuedAt(), attempts == 0 ? null : letter.lastTouched());
    }

    private static int attempts(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        if (attempts instanceof Number number) {
            return number.intValue();
        }
        return attempts == null ? 0 : Integer.parseInt(attempts.toString());
    }
}
