package io.wrench.command.technician;

import io.wrench.command.Input;
import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

/** The technician directory's refusals: its input checks, and an assignment of an unknown or inactive technician. */
public class TechnicianRuleViolation extends RuleViolation {

    static final Input INPUT = Input.refusedAs(message -> new TechnicianRuleViolation(ErrorCode.INVALID_INPUT, message));

    TechnicianRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
