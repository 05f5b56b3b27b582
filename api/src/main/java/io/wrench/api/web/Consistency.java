package io.wrench.api.web;

import io.wrench.api.cluster.ProcessorProgress;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-your-writes. A command answer carries the event store's head position as its consistency
 * token; a GET that sends it back waits until every streaming processor (projections and the parts
 * process) has processed up to it — on whichever instance owns each segment, read from the token
 * store ({@link ProcessorProgress}), and skipping what a processor would not handle. Because the parts
 * process answers a command with further events, the wait follows the head for a few more rounds
 * ({@link #FOLLOW_UP_ROUNDS}) so a part line is read settled. Waiting is woken by this instance's
 * processors committing a batch, and re-checks every few milliseconds for the other instances'.
 */
@Component
public class Consistency {

    static final int FOLLOW_UP_ROUNDS = 3;
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<ProcessorProgress> progress;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();

    public Consistency(ObjectProvider<EventStore> eventStore, ObjectProvider<ProcessorProgress> progress) {
        this.eventStore = eventStore;
        this.progress = progress;
    }

    /** The token for everything stored so far: the head of the event stream. */
    public String issue() {
        return Long.toString(head());
    }

    public static long parse(String token) {
        try {
            long position = Long.parseLong(token.trim());
            if (position < -1) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new InvalidConsistencyToken(token);
        }
    }

    /** @return true when the processors caught up within {@code maxWait}, false when it ran out. */
    public boolean awaitProcessed(long position, Duration maxWait) {
        return awaitProcessed(position, maxWait, null);
    }

    /**
     * Like {@link #awaitProcessed(long, Duration)}, waiting only for the named processors (those the
     * read is answered from) and the sagas; for every streaming processor when {@code processors} is null.
     */
    public boolean awaitProcessed(long position, Duration maxWait, Set<String> processors) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long target = position;
        for (int round = 0; round <= FOLLOW_UP_ROUNDS; round++) {
            if (!awaitPosition(target, deadline, processors)) {
                return false;
            }
            long head = head();
            if (head <= target) {
                return true;
            }
            target = head;
        }
        return true;
    }

    private boolean awaitPosition(long target, long deadline, Set<String> processors) {
        while (!allReached(target, processors)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            lock.lock();
            try {
                progressed.awaitNanos(Math.min(remaining, RECHECK_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    boolean allReached(long target) {
        return allReached(target, null);
    }

    private boolean allReached(long target, Set<String> names) {
        ProcessorProgress processors = progress.getIfAvailable();
        return processors == null || processors.allReached(target, names);
    }

    private long head() {
        TrackingToken token = eventStore.getObject().createHeadToken();
        return token == null ? -1 : token.position().orElse(-1L);
    }

    /** Registered on every event processor: wakes waiting readers when a batch is committed. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (unitOfWork, chain) -> {
            unitOfWork.afterCommit(u -> signal());
            return chain.proceed();
        };
    }

    private void signal() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public static class InvalidConsistencyToken extends RuntimeException {
        public InvalidConsistencyToken(String token) {
            super("X-Consistency-Token '" + token + "' is not a token this API issued");
        }
    }
}
