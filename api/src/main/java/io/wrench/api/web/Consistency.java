package io.wrench.api.web;

import io.wrench.api.cluster.EventRange;
import io.wrench.api.cluster.ProcessorProgress;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-your-writes. A command answer carries a consistency token: the event store's head position
 * and the request's id ({@code <position>~<requestId>}); a GET that sends it back waits until every
 * streaming processor it depends on (its views and the sagas) has processed up to it — on whichever
 * instance owns each segment, read from the token store ({@link ProcessorProgress}), and skipping what
 * a processor would not handle. The parts process answers a command with further events, which carry
 * the request id of the command that caused them ({@link RequestMetadata#KEYS}): once the processors
 * passed the position, the wait looks at the events stored since for that request id and, where there
 * are some, waits for the last of them too, a few rounds deep ({@link #FOLLOW_UP_ROUNDS}), so a part
 * line is read settled. Other clients' events stored meanwhile are not waited for. A token without a
 * request id (a bare position) follows the head instead. Waiting is woken by this instance's processors
 * committing a batch, and re-checks every few milliseconds for the other instances'.
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

    /** What a token names: everything stored up to a position, and the request whose follow-ups to wait for. */
    public record Token(long position, String requestId) {

        @Override
        public String toString() {
            return requestId == null ? Long.toString(position) : position + SEPARATOR + requestId;
        }
    }

    private static final String SEPARATOR = "~";

    /** The token for everything stored so far (the head of the event stream), and the current request's follow-ups. */
    public String issue() {
        return new Token(head(), MDC.get(RequestIdFilter.MDC_KEY)).toString();
    }

    public static Token parse(String token) {
        String text = token.trim();
        int separator = text.indexOf(SEPARATOR);
        String requestId = separator < 0 ? null : text.substring(separator + 1);
        if (requestId != null && !RequestIdFilter.isSafe(requestId)) {
            throw new InvalidConsistencyToken(token);
        }
        try {
            long position = Long.parseLong(separator < 0 ? text : text.substring(0, separator));
            if (position < -1) {
                throw new NumberFormatException();
            }
            return new Token(position, requestId);
        } catch (NumberFormatException e) {
            throw new InvalidConsistencyToken(token);
        }
    }

    /** @return true when the processors caught up within {@code maxWait}, false when it ran out. */
    public boolean awaitProcessed(Token token, Duration maxWait) {
        return awaitProcessed(token, maxWait, null);
    }

    /**
     * Like {@link #awaitProcessed(Token, Duration)}, waiting only for the named processors (those the
     * read is answered from) and the sagas; for every streaming processor when {@code processors} is null.
     */
    public boolean awaitProcessed(Token token, Duration maxWait, Set<String> processors) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long target = token.position();
        for (int round = 0; round <= FOLLOW_UP_ROUNDS; round++) {
            List<EventRange.Entry> own = token.requestId() == null ? null : eventsOfRequest(token.requestId(), target);
            if (!awaitPosition(target, deadline, processors, own)) {
                return false;
            }
            long head = head();
            long next = head <= target ? target
                    : token.requestId() == null ? head : lastOfRequest(token.requestId(), target, head);
            if (next <= target) {
                return true;
            }
            target = next;
        }
        return true;
    }

    private boolean awaitPosition(long target, long deadline, Set<String> processors, List<EventRange.Entry> own) {
        while (!allReached(target, processors, own)) {
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
        return allReached(target, null, null);
    }

    private boolean allReached(long target, Set<String> names, List<EventRange.Entry> own) {
        ProcessorProgress processors = progress.getIfAvailable();
        return processors == null || processors.allReached(target, names, own);
    }

    /**
     * The position of the last event after {@code after}, up to {@code head}, that the request caused, or
     * {@code after} when there is none; the head itself when the range is too long to read.
     */
    private long lastOfRequest(String requestId, long after, long head) {
        ProcessorProgress processors = progress.getIfAvailable();
        return processors == null ? head : processors.lastOfRequest(requestId, after, head);
    }

    private List<EventRange.Entry> eventsOfRequest(String requestId, long upTo) {
        ProcessorProgress processors = progress.getIfAvailable();
        return processors == null ? null : processors.eventsOfRequest(requestId, upTo);
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
