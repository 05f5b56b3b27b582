package io.wrench.command.catalogue;

import io.wrench.command.Input;
import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

class CatalogueRuleViolation extends RuleViolation {

    /** The input checks of this family's commands; a mistake is refused as {@code INVALID_INPUT}. */
    static final Input INPUT = Input.refusedAs(message -> new CatalogueRuleViolation(ErrorCode.INVALID_INPUT, message));

    CatalogueRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
