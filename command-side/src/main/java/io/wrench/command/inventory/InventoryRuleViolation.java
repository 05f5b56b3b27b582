package io.wrench.command.inventory;

import io.wrench.command.Input;
import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

/** A stock item refused a command. */
final class InventoryRuleViolation extends RuleViolation {

    /** The input checks of this family's commands; a mistake is refused as {@code INVALID_INPUT}. */
    static final Input INPUT = Input.refusedAs(message -> new InventoryRuleViolation(ErrorCode.INVALID_INPUT, message));

    InventoryRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
