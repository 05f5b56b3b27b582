package io.wrench.command;

import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.DefaultConflictResolver;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The one place where Axon's own command failures get a business meaning: an unknown aggregate and
 * a stale expected version ({@code If-Match}) leave as a {@link CommandExecutionException} whose
 * details are {@link RuleViolationDetails}, like every {@link RuleViolation}. The REST layer reads
 * only those details, so the answer is the same on the local bus and across Axon Server.
 */
public class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            Object result = chain.proceed();
            // Axon checks a stale expected version only at prepare-commit, after this interceptor has
            // returned, and a failure there would cross Axon Server without details (a 500): check it now.
            if (ConflictResolution.getConflictResolver() instanceof DefaultConflictResolver resolver) {
                resolver.ensureConflictsResolved();
            }
            return result;
        } catch (AggregateNotFoundException notFound) {
            throw failure(ErrorCode.AGGREGATE_NOT_FOUND, "nothing exists with id " + notFound.getAggregateIdentifier());
        } catch (ConflictingAggregateVersionException conflict) {
            throw failure(ErrorCode.STALE_VERSION, "If-Match names version " + conflict.getExpectedVersion()
                    + " but the current version is " + conflict.getActualVersion());
        }
    }

    /**
     * A failure raised after the handler, at commit: the event store refused the events because another
     * instance appended to the same aggregate at the same moment. Returned as a failure with details
     * ({@code CONCURRENT_MODIFICATION}, keeping the original as cause) so that it, too, keeps its meaning
     * across Axon Server; any other failure is returned as it is.
     */
    public static Throwable atCommit(Throwable failure) {
        boolean concurrent = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HandlerExecutionException handled && handled.getDetails().isPresent()) {
                return failure;
            }
            concurrent |= t instanceof ConcurrencyException;
        }
        if (!concurrent) {
            return failure;
        }
        String message = "the resource was changed by another request at the same moment; send the request again";
        return new CommandExecutionException(message, failure,
                new RuleViolationDetails(ErrorCode.CONCURRENT_MODIFICATION, message));
    }

    private static CommandExecutionException failure(ErrorCode code, String message) {
        return new CommandExecutionException(message, null, new RuleViolationDetails(code, message));
    }
}
