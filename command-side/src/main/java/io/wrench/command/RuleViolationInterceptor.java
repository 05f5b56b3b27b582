package io.wrench.command;

import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Puts the code and message of a {@link RuleViolation} into the details of a
 * {@link CommandExecutionException}, the only part of a failure that crosses Axon Server intact; does the
 * same for an unknown aggregate and a stale expected version.
 */
public class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), null,
                    new RuleViolationDetails(violation.code(), violation.getMessage()));
        } catch (AggregateNotFoundException notFound) {
            throw new CommandExecutionException(notFound.getMessage(), null,
                    new RuleViolationDetails(ErrorCode.AGGREGATE_NOT_FOUND, "nothing exists with id " + notFound.getAggregateIdentifier()));
        } catch (ConflictingAggregateVersionException conflict) {
            throw new CommandExecutionException(conflict.getMessage(), null,
                    new RuleViolationDetails(ErrorCode.STALE_VERSION, conflict.getMessage()));
        }
    }
}
