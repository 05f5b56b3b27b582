package io.wrench.shared;

/**
 * What a refused command carries back to the caller, also across a distributed command bus
 * (it is the {@code details} of Axon's {@code CommandExecutionException}).
 */
public record RuleViolationDetails(ErrorCode code, String message) {
}
