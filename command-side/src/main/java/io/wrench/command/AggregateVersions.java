package io.wrench.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;

import java.util.List;
import java.util.Map;

/**
 * Makes the result of every command the aggregate's version after it (the sequence number of the
 * last event it applied; when it applied none, as for a change to the value already there, the
 * version of the aggregate it loaded), so the REST layer answers with the new version and
 * {@code ETag} without a second read.
 * <p>
 * Axon's event bus stages a command's events in its unit of work under a resource key ending in
 * {@code _EVENTS} until commit (its dispatch interceptors only run at prepare-commit, after the
 * handler returned), so that staged list is where the version is read.
 */
public final class AggregateVersions {

    private static final String STAGED_EVENTS_SUFFIX = "_EVENTS";
    private static final String LOADED_AGGREGATES_SUFFIX = "_AGGREGATES";

    private AggregateVersions() {
    }

    /**
     * A handler's result that says more than the version (the lines a job added): it is kept, and
     * given the version, instead of being replaced by it.
     */
    public interface Answer {
        Answer atVersion(Long version);
    }

    /** Register on the command bus: replaces the handler's result by the aggregate's new version. */
    public static MessageHandlerInterceptor<CommandMessage<?>> resultInterceptor() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
                Object result = chain.proceed();
                Long applied = lastSequence(unitOfWork.resources());
                Long version = applied != null ? applied : loadedVersion(unitOfWork.root().resources());
                return result instanceof Answer answer ? answer.atVersion(version) : version;
            }
        };
    }

    /**
     * The version of the one aggregate the unit of work loaded (Axon's repositories keep them under a
     * key ending in {@code _AGGREGATES}), or {@code null} when there is not exactly one.
     */
    static Long loadedVersion(Map<String, Object> resources) {
        List<Aggregate<?>> loaded = resources.entrySet().stream()
                .filter(resource -> resource.getKey().endsWith(LOADED_AGGREGATES_SUFFIX))
                .filter(resource -> resource.getValue() instanceof Map<?, ?>)
                .flatMap(resource -> ((Map<?, ?>) resource.getValue()).values().stream())
                .filter(Aggregate.class::isInstance)
                .<Aggregate<?>>map(Aggregate.class::cast)
                .toList();
        return loaded.size() == 1 ? loaded.get(0).version() : null;
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
