package io.wrench.command.workorder;

import io.wrench.command.Input;
import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

/** A work-order command broke a rule; public because the lookups' implementations throw it too. */
public class WorkOrderRuleViolation extends RuleViolation {

    /** The input checks of this family's commands; a mistake is refused as {@code INVALID_INPUT}. */
    static final Input INPUT = Input.refusedAs(message -> new WorkOrderRuleViolation(ErrorCode.INVALID_INPUT, message));

    public WorkOrderRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
