package io.wrench.command.customer;

import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

class CustomerRuleViolation extends RuleViolation {
    CustomerRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
