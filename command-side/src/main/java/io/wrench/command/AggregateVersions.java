package io.wrench.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Map;

/**
 * Makes the result of every command the aggregate's version after it (the sequence number of the
 * last event it applied, or {@code null} when it applied none), so the REST layer answers with the
 * new version and {@code ETag} without a second read.
 * <p>
 * Axon's event bus stages a command's events in its unit of work under a resource key ending in
 * {@code _EVENTS} until commit (its dispatch interceptors only run at prepare-commit, after the
 * handler returned), so that staged list is where the version is read.
 */
public final class AggregateVersions {

    private static final String STAGED_EVENTS_SUFFIX = "_EVENTS";

    private AggregateVersions() {
    }

    /** Register on the command bus: replaces the handler's result by the aggregate's new version. */
    public static MessageHandlerInterceptor<CommandMessage<?>> resultInterceptor() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                chain.proceed();
                return lastSequence(unitOfWork.resources());
            }
        };
    }

    static Long lastSequence(Map<String, Object> resources) {
        Long last = null;
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            if (resource.getKey().endsWith(STAGED_EVENTS_SUFFIX) && resource.getValue() instanceof List<?> staged) {
                for (Object event : staged) {
                    if (event instanceof DomainEventMessage<?> domainEvent) {
                        last = domainEvent.getSequenceNumber();
                    }
                }
            }
        }
        return last;
    }
}
