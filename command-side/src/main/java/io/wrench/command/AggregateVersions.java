package io.wrench.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateMetaModelFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes the result of every command on an aggregate the aggregate's version after it (the sequence
 * number of the last event it applied; when it applied none, as for a change to the value already
 * there, the version it was loaded at), so the REST layer answers with the new version and
 * {@code ETag} without a second read.
 * <p>
 * Only Axon's public API is used: after the handler, still inside the command's unit of work, the
 * aggregate's own repository is asked for it again, which answers the instance the unit of work holds
 * (no second load), and {@link org.axonframework.modelling.command.Aggregate#version()} is read. Which
 * repository serves a command comes from each aggregate's model (its command handlers, constructors
 * included), built as Axon's {@code AggregateConfigurer} builds it; the id from the command's target
 * (as Axon resolves it) or, for a creating command, from the identifier the handler answered.
 * A command handled outside an aggregate (checking an appointment in) answers its version itself.
 */
public final class AggregateVersions {

    private AggregateVersions() {
    }

    /**
     * A handler's result that says more than the version (the lines a job added): it is kept, and
     * given the version, instead of being replaced by it.
     */
    public interface Answer {

        /** The version, when the handler knew it itself (one handled outside an aggregate). */
        Long version();

        Answer atVersion(Long version);
    }

    /** Register on the command bus: replaces the handler's result by the aggregate's new version. */
    public static MessageHandlerInterceptor<CommandMessage<?>> resultInterceptor(Supplier<Configuration> axon) {
        return new VersionInterceptor(axon);
    }

    private static final class VersionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final Supplier<Configuration> axon;
        private volatile Map<String, Target> targets;

        private VersionInterceptor(Supplier<Configuration> axon) {
            this.axon = axon;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Object result = chain.proceed();
            if (result instanceof Answer answer && answer.version() != null) {
                return answer;
            }
            Target target = targets().get(unitOfWork.getMessage().getCommandName());
            Long version = target == null ? null : target.versionAfter(unitOfWork.getMessage(), result);
            return result instanceof Answer answer ? answer.atVersion(version) : version;
        }

        private Map<String, Target> targets() {
            Map<String, Target> known = targets;
            if (known == null) {
                known = targetsOf(axon.get());
                targets = known;
            }
            return known;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Map<String, Target> targetsOf(Configuration configuration) {
            CommandTargetResolver resolver = configuration.getComponent(CommandTargetResolver.class,
                    () -> AnnotationCommandTargetResolver.builder().build());
            Map<String, Target> targets = new HashMap<>();
            for (AggregateConfiguration<?> aggregate : configuration.findModules(AggregateConfiguration.class)) {
                Class type = aggregate.aggregateType();
                AggregateModel<?> model = configuration.getComponent(AggregateMetaModelFactory.class,
                                () -> new AnnotatedAggregateMetaModelFactory(configuration.parameterResolverFactory(),
                                        configuration.handlerDefinition(type)))
                        .createModel(type);
                Target target = new Target(aggregate.repository(), resolver);
                for (List<? extends MessageHandlingMember<?>> handlers : model.allCommandHandlers().values()) {
                    for (MessageHandlingMember<?> handler : handlers) {
                        targets.put(handler.payloadType().getName(), target);
                    }
                }
            }
            return Map.copyOf(targets);
        }
    }

    /** The repository of the aggregate a command is handled by. */
    private record Target(Repository<?> repository, CommandTargetResolver resolver) {

        Long versionAfter(CommandMessage<?> command, Object result) {
            String id;
            try {
                id = resolver.resolveTarget(command).getIdentifier();
            } catch (IllegalArgumentException noTarget) {
                // a creating command without a target: its handler answered the new aggregate's identifier
                if (result == null) {
                    return null;
                }
                id = result.toString();
            }
            try {
                return repository.load(id).version();
            } catch (AggregateNotFoundException e) {
                return null;
            }
        }
    }
}
