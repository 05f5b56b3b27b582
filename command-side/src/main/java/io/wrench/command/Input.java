package io.wrench.command;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The checks an aggregate makes on what a command brings, before any business rule: field name
 * first, then the value, and the same wording everywhere. The REST layer's Bean Validation answers
 * the same mistakes earlier; these stay because commands also come from sagas, imports and tests.
 * Each aggregate refuses with its own rule family: {@code Input.refusedAs(m -> new XRuleViolation(INVALID_INPUT, m))}.
 */
public final class Input {

    private final Function<String, ? extends RuleViolation> refusal;

    private Input(Function<String, ? extends RuleViolation> refusal) {
        this.refusal = refusal;
    }

    public static Input refusedAs(Function<String, ? extends RuleViolation> refusal) {
        return new Input(refusal);
    }

    /** The refusal for an input mistake no check here describes (a date before another...). */
    public RuleViolation invalid(String message) {
        return refusal.apply(message);
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    public String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        return value;
    }

    /** {@code null} means "not given"; a given text must not be blank. */
    public String optionalText(String field, String value) {
        return value == null ? null : text(field, value);
    }

    public BigDecimal positive(String field, BigDecimal value) {
        if (required(field, value).signum() <= 0) {
            throw invalid(field + " must be greater than zero, was " + value.toPlainString());
        }
        return value;
    }

    public BigDecimal notNegative(String field, BigDecimal value) {
        if (required(field, value).signum() < 0) {
            throw invalid(field + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    public long notNegative(String field, long value) {
        if (value < 0) {
            throw invalid(field + " must not be negative, was " + value);
        }
        return value;
    }

    public BigDecimal notZero(String field, BigDecimal value) {
        if (required(field, value).signum() == 0) {
            throw invalid(field + " must not be zero");
        }
        return value;
    }

    /** Money: at most two decimals. */
    public BigDecimal cents(String field, BigDecimal value) {
        if (required(field, value).stripTrailingZeros().scale() > 2) {
            throw invalid(field + " must not have more than 2 decimals");
        }
        return value;
    }

    /** Optional texts are stored as null when blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
