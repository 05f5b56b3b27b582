package io.wrench.api.cluster;

import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when the event store refused its events because another instance appended
 * to the same aggregate at the same moment (on one instance the repository's lock serialises them;
 * across instances only the store's unique sequence does). The command is decided again on the new
 * state, so a stale {@code If-Match} then answers 412 and a broken rule 409. Nothing else is retried:
 * a rule violation is an answer, not a failure.
 */
final class ConcurrencyRetry implements RetryScheduler {

    static final int MAX_RETRIES = 4;

    private final ScheduledExecutorService executor;

    ConcurrencyRetry(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConcurrentAppend(lastFailure) || failures.size() > MAX_RETRIES) {
            return false;
        }
        long delayMillis = (5L << failures.size()) + ThreadLocalRandom.current().nextLong(10);
        executor.schedule(commandDispatch, delayMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Locally the store's own exception; from Axon Server the details the handling instance put on it. */
    static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof HandlerExecutionException handled
                    && handled.getDetails().orElse(null) instanceof RuleViolationDetails details
                    && details.code() == ErrorCode.CONCURRENT_MODIFICATION) {
                return true;
            }
        }
        return false;
    }
}
