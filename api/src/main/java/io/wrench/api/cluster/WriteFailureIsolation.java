package io.wrench.api.cluster;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a failure to <em>write</em> an event's changes into a dead letter, as a failing handler is.
 * <p>
 * Axon's dead-letter queue parks what a handler throws. A view's changes are written later, when the
 * batch flushes at its commit (a value too long for its column, a constraint): that failure rolls back the
 * whole batch, the processor retries it, it fails again, and the projection stands still for good without
 * a single letter to show for it. Here, a batch of a dead-lettered projection that rolls back marks the
 * positions it held as <em>suspect</em>; when the processor tries them again, each event's changes are
 * flushed right after its handler (the persistence context, and what a view gathers for the commit through
 * a transaction synchronization's {@code flush}), so the event whose write fails is known. That batch still rolls back
 * (the failed flush has spoilt its transaction); on the next try the event is not handled again but
 * failed at once with {@link FailedAtWrite}, in a transaction that is still sound: the queue parks it
 * with its sequence, and the rest of the projection goes on. Once the processor has committed past the
 * suspect positions, batches are written at their commit again (the fast path).
 * <p>
 * The same steps park an event whose handler fails in a way that spoils the transaction (a statement the
 * database refused inside a repository call), which the queue cannot park in that transaction either.
 * What it does not catch: a failure at the commit itself after every flush went through (a deferred
 * constraint; Wrench's views have none). Its state is per instance: an instance that takes the segment
 * over finds the event anew by the same steps. A retry of a parked event ({@code DeadLetterQueues.retry})
 * is left alone: Axon parks it again when its transaction fails.
 */
public class WriteFailureIsolation {

    private static final Logger log = LoggerFactory.getLogger(WriteFailureIsolation.class);
    private static final String BATCH = WriteFailureIsolation.class.getName() + ".batch";

    /** Why an event was parked: its changes could not be written (the cause says why). */
    public static class FailedAtWrite extends RuntimeException {
        FailedAtWrite(String eventId, Throwable writeFailure) {
            super("the view's changes for event " + eventId + " could not be written: " + rootMessage(writeFailure),
                    writeFailure);
        }
    }

    private final ObjectProvider<EntityManagerProvider> entityManagers;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    public WriteFailureIsolation(ObjectProvider<EntityManagerProvider> entityManagers) {
        this.entityManagers = entityManagers;
    }

    /** The processor interceptor of a dead-lettered projection: it watches the batches that roll back. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processingGroup) {
        Group group = groups.computeIfAbsent(processingGroup, Group::new);
        return (unitOfWork, chain) -> {
            if (unitOfWork.getResource(DeadLetter.class.getName()) == null) {
                Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> group.begin(unitOfWork,
                        unitOfWork.getResource("Processor[" + processingGroup + "]/SegmentId")));
                batch.saw(unitOfWork.getMessage());
            }
            return chain.proceed();
        };
    }

    /** Wraps every event handler; it acts only inside a watched batch. */
    public HandlerEnhancerDefinition handlerEnhancer() {
        return new HandlerEnhancerDefinition() {
            @Override
            public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                return original.canHandleMessageType(EventMessage.class) ? new Isolated<>(original) : original;
            }
        };
    }


    private final class Isolated<T> extends WrappedMessageHandlingMember<T> {

        Isolated(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Batch batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(BATCH) : null;
            if (batch == null) {
                return super.handle(message, target);
            }
            Group group = batch.group;
            Throwable failed = group.failures.get(message.getIdentifier());
            if (failed != null) {
                batch.parked.add(message.getIdentifier());
                throw new FailedAtWrite(message.getIdentifier(), failed);
            }
            long position = position(message);
            if (position < 0 || position > group.suspectUpTo(batch.segment)) {
                return super.handle(message, target);
            }
            try {
                Object result = super.handle(message, target);
                entityManagers.getObject().getEntityManager().flush();
                // and what a view gathers itself to write at the commit (the dashboard's JDBC batches)
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationUtils.triggerFlush();
                }
                return result;
            } catch (Exception failure) {
                // a failure here may have spoilt the transaction (a failed flush or statement): the queue cannot
                // park the event in it, so the batch rolls back; the next try parks it without handling it
                group.failures.put(message.getIdentifier(), failure);
                batch.recorded.add(message.getIdentifier());
                log.warn("{}: event {} ({}, position {}) failed when handled and written on its own; it is parked on "
                        + "the next try if this batch cannot park it: {}", group.name, message.getIdentifier(),
                        message.getPayloadType().getSimpleName(), position, rootMessage(failure));
                throw failure;
            }
        }
    }

    private static final class Group {
        final String name;
        /** By segment: positions up to this one were in a batch that rolled back; flush each event there. */
        final Map<Integer, Long> suspectUpTo = new ConcurrentHashMap<>();
        /** Events that failed when handled and flushed on their own, by identifier: failed at once when met again. */
        final Map<String, Throwable> failures = new ConcurrentHashMap<>();

        Group(String name) {
            this.name = name;
        }

        Batch begin(UnitOfWork<?> unitOfWork, Object segment) {
            Batch batch = new Batch(this, segment instanceof Integer id ? id : -1);
            unitOfWork.onRollback(u -> rolledBack(batch));
            unitOfWork.afterCommit(u -> committed(batch));
            return batch;
        }

        long suspectUpTo(int segment) {
            return suspectUpTo.getOrDefault(segment, -1L);
        }

        private void rolledBack(Batch batch) {
            if (batch.highest > suspectUpTo(batch.segment)) {
                log.info("{}: a batch of segment {} up to position {} rolled back; its events are written one by one "
                        + "on the next try", name, batch.segment, batch.highest);
                suspectUpTo.merge(batch.segment, batch.highest, Math::max);
            }
        }

        private void committed(Batch batch) {
            // what this batch failed at once, or parked itself (its transaction was sound after all), is parked now
            batch.parked.forEach(failures::remove);
            batch.recorded.forEach(failures::remove);
            suspectUpTo.computeIfPresent(batch.segment, (segment, upTo) -> batch.highest >= upTo ? null : upTo);
        }
    }

    private static final class Batch {
        final Group group;
        final int segment;
        final Set<String> parked = ConcurrentHashMap.newKeySet();
        final Set<String> recorded = ConcurrentHashMap.newKeySet();
        long highest = -1;

        Batch(Group group, int segment) {
            this.group = group;
            this.segment = segment;
        }

        void saw(EventMessage<?> message) {
            highest = Math.max(highest, position(message));
        }
    }

    private static long position(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? TokenStoreView.position(tracked.trackingToken()) : -1;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
