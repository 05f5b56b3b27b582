package io.wrench.command.appointment;

import io.wrench.command.Input;
import io.wrench.command.RuleViolation;
import io.wrench.shared.ErrorCode;

/** An appointment command broke a rule; public because the shop's hours and the registry throw it too. */
public class AppointmentRuleViolation extends RuleViolation {

    /** The input checks of this family's commands; a mistake is refused as {@code INVALID_INPUT}. */
    static final Input INPUT = Input.refusedAs(message -> new AppointmentRuleViolation(ErrorCode.INVALID_INPUT, message));

    public AppointmentRuleViolation(ErrorCode code, String message) {
        super(code, message);
    }
}
