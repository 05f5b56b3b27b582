package io.wrench.command.inventory;

import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

/** A stock item refused a command. */
final class InventoryRuleViolation extends RuleViolation {

    InventoryRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
