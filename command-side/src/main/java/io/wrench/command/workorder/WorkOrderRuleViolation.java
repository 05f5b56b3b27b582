package io.wrench.command.workorder;

import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

/** A work-order command broke a rule; public because the lookups' implementations throw it too. */
public class WorkOrderRuleViolation extends RuleViolation {

    public WorkOrderRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
