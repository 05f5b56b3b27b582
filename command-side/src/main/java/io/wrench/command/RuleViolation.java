package io.wrench.command;

import io.wrench.shared.ErrorCode;

/**
 * A command broke a business rule. Each rule family subclasses it; {@link RuleViolationInterceptor}
 * turns it into a {@code CommandExecutionException} whose details survive a distributed bus.
 */
public abstract class RuleViolation extends RuntimeException {

    private final ErrorCode code;

    protected RuleViolation(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
