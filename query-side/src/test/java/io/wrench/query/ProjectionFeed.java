package io.wrench.query;

import io.wrench.shared.Identifier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivers events to one projection the way its processor does, without an event store: through Axon's
 * annotated-handler adapter (so {@code @EventHandler}, {@code @SequenceNumber}, {@code @Timestamp}, the
 * message parameter and {@code @ResetHandler} are resolved as in production) and inside a transaction
 * the feed opens, as the processor's unit of work does (the handlers open none themselves).
 * <p>
 * Each aggregate's events are numbered from 0, the aggregate being the event's first component (its
 * id, by our convention); every event happens a minute after the one before unless the test sets the
 * clock. The feed keeps what it published, so that it can reset the projection and replay the history.
 */
public final class ProjectionFeed {

    /** When a test's first event happens. */
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final Object projection;
    private final AnnotationEventHandlerAdapter handlers;
    private final TransactionTemplate transaction;
    private final ReadModelTables tables;
    private final Map<Identifier, Long> nextSequence = new HashMap<>();
    private final List<DomainEventMessage<?>> history = new ArrayList<>();
    private Instant clock = START;

    ProjectionFeed(Object projection, PlatformTransactionManager transactions, ReadModelTables tables) {
        this.projection = projection;
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.transaction = new TransactionTemplate(transactions);
        this.tables = tables;
    }

    /** Appends the event to its aggregate's stream and delivers it, in a batch of its own. */
    public DomainEventMessage<?> publish(Record event) {
        return publish(event, Map.of());
    }

    public DomainEventMessage<?> publish(Record event, Map<String, ?> metaData) {
        Identifier aggregate = aggregateOf(event);
        long sequence = nextSequence.merge(aggregate, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(aggregate.getClass().getSimpleName(),
                aggregate.toString(), sequence, event, metaData, UUID.randomUUID().toString(), clock);
        clock = clock.plus(Duration.ofMinutes(1));
        history.add(message);
        deliver(message);
        return message;
    }

    /** The next event happens at {@code at}, earlier or later: the clocks of a cluster's nodes disagree. */
    public void setClock(Instant at) {
        clock = at;
    }

    /** Delivers a message published before (again), as after a crash or a token rewound without a reset. */
    public void deliver(DomainEventMessage<?> message) {
        transaction.executeWithoutResult(status -> handle(message));
    }

    /** What a processor's reset does before it replays: the projection's {@code @ResetHandler}. */
    private void reset() {
        transaction.executeWithoutResult(status -> handlers.prepareReset(null));
    }

    /** Delivers everything published so far again, in one transaction, as one batch of a rebuild. */
    private void replay() {
        transaction.executeWithoutResult(status -> history.forEach(this::handle));
    }

    /** Delivers the messages again, in this order, and checks that clients get the same {@code answers}. */
    public void assertRedeliveryChangesNothing(Supplier<?> answers, DomainEventMessage<?>... messages) {
        Object before = answers.get();
        for (DomainEventMessage<?> message : messages) {
            deliver(message);
        }
        assertThat(answers.get()).as("answers after redelivering").isEqualTo(before);
    }

    /**
     * Rebuilds the projection as a processor's reset and replay do, and checks that the reset left no
     * row in any table and that the replay gives clients exactly the {@code answers} they had before.
     */
    public void assertRebuildGivesTheSameAnswers(Supplier<?> answers) {
        Object before = answers.get();
        reset();
        assertThat(tables.rowCounts()).as("rows left by the reset").allSatisfy((table, rows) ->
                assertThat(rows).as(table).isZero());
        replay();
        assertThat(answers.get()).as("answers after the replay").isEqualTo(before);
    }

    /**
     * Checks that the projection has an {@code @EventHandler} for every event of the aggregate (the
     * records with a revision in its id's package), so that each of them moves the row's version on.
     */
    public void assertHandlesEveryEventOf(Class<? extends Identifier> aggregateId) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<String> events = scanner.findCandidateComponents(aggregateId.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName).toList();
        List<String> handled = Arrays.stream(ClassUtils.getUserClass(projection).getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(method -> method.getParameterTypes()[0].getName())
                .toList();
        assertThat(events).as("events of " + aggregateId.getSimpleName()).isNotEmpty();
        assertThat(handled).containsAll(events);
    }

    private void handle(DomainEventMessage<?> message) {
        try {
            handlers.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("handling " + message.getPayloadType().getSimpleName(), e);
        }
    }

    private static Identifier aggregateOf(Record event) {
        try {
            return (Identifier) event.getClass().getRecordComponents()[0].getAccessor().invoke(event);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(event + " does not start with its aggregate's id", e);
        }
    }
}
