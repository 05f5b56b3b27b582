package io.wrench.command.customer;

import io.wrench.command.Input;
import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

class CustomerRuleViolation extends RuleViolation {

    /** The input checks of this family's commands; a mistake is refused as {@code INVALID_INPUT}. */
    static final Input INPUT = Input.refusedAs(message -> new CustomerRuleViolation(ErrorCode.INVALID_INPUT, message));
    CustomerRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
