package io.wrench.command;

import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command broke a business rule. Each rule family subclasses it. It <em>is</em> a
 * {@link CommandExecutionException} whose details are the {@link RuleViolationDetails}: details are
 * the only part of a failure that crosses Axon Server intact, and a violation carries them wherever
 * it is raised — in the handler, or at commit by a lookup table's unique index.
 */
public abstract class RuleViolation extends CommandExecutionException {

    private final ErrorCode code;

    protected RuleViolation(ErrorCode code, String message) {
        super(message, null, new RuleViolationDetails(code, message), false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
