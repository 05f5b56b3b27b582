package io.wrench.command.workorder;

import io.wrench.shared.ErrorCode;

import java.math.BigDecimal;

/**
 * Input checks the aggregate repeats after the REST layer's Bean Validation, because commands also
 * arrive from other senders.
 */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        return value;
    }

    static BigDecimal positive(BigDecimal value, String field) {
        if (present(value, field).signum() <= 0) {
            throw invalid(field + " must be greater than 0");
        }
        return value;
    }

    static BigDecimal notNegative(BigDecimal value, String field) {
        if (present(value, field).signum() < 0) {
            throw invalid(field + " must not be negative");
        }
        return value;
    }

    static BigDecimal cents(BigDecimal value, String field) {
        if (present(value, field).stripTrailingZeros().scale() > 2) {
            throw invalid(field + " must not have more than 2 decimals");
        }
        return value;
    }

    static WorkOrderRuleViolation invalid(String message) {
        return new WorkOrderRuleViolation(ErrorCode.INVALID_INPUT, message);
    }
}
