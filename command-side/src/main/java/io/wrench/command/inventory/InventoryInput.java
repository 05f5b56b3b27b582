package io.wrench.command.inventory;

import java.math.BigDecimal;

import static io.wrench.shared.ErrorCode.INVALID_INPUT;

/** Checks on the numbers and texts a command brings, before any rule about the item itself. */
final class InventoryInput {

    private InventoryInput() {
    }

    static BigDecimal positive(String what, BigDecimal value) {
        if (required(what, value).signum() <= 0) {
            throw invalid(what + " must be greater than zero, was " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal notNegative(String what, BigDecimal value) {
        if (required(what, value).signum() < 0) {
            throw invalid(what + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal notZero(String what, BigDecimal value) {
        if (required(what, value).signum() == 0) {
            throw invalid(what + " must not be zero");
        }
        return value;
    }

    static String text(String what, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(what + " must not be blank");
        }
        return value;
    }

    /** {@code null} means "not given"; a given text must not be blank. */
    static String optionalText(String what, String value) {
        return value == null ? null : text(what, value);
    }

    static <T> T required(String what, T value) {
        if (value == null) {
            throw invalid(what + " is required");
        }
        return value;
    }

    private static InventoryRuleViolation invalid(String message) {
        return new InventoryRuleViolation(INVALID_INPUT, message);
    }
}
