package io.wrench.command.workorder;

import io.wrench.shared.ErrorCode;
import io.wrench.shared.workorder.WorkOrderStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static io.wrench.shared.workorder.WorkOrderStatus.APPROVED;
import static io.wrench.shared.workorder.WorkOrderStatus.COMPLETED;
import static io.wrench.shared.workorder.WorkOrderStatus.INVOICED;
import static io.wrench.shared.workorder.WorkOrderStatus.IN_PROGRESS;
import static io.wrench.shared.workorder.WorkOrderStatus.ON_HOLD;
import static io.wrench.shared.workorder.WorkOrderStatus.OPEN;

/**
 * The one table of what may happen to a work order in which status. Every guard of the aggregate
 * asks it; where an action leads to is written in the aggregate's event-sourcing handlers.
 */
final class Lifecycle {

    /** {@link WorkOrderStatus#isOutstanding()}: the one definition, shared with the read side. */
    private static final Set<WorkOrderStatus> NOT_YET_COMPLETED = EnumSet.copyOf(
            Arrays.stream(WorkOrderStatus.values()).filter(WorkOrderStatus::isOutstanding).toList());

    enum Action {
        ADD_LINE("add a line to", NOT_YET_COMPLETED),
        REMOVE_LINE("remove a line from", NOT_YET_COMPLETED),
        ASSIGN("assign a technician to", NOT_YET_COMPLETED),
        APPROVE("approve", EnumSet.of(OPEN)),
        START("start", EnumSet.of(APPROVED)),
        HOLD("hold", EnumSet.of(IN_PROGRESS)),
        RESUME("resume", EnumSet.of(ON_HOLD)),
        SCAN("record a scan on", EnumSet.of(IN_PROGRESS)),
        INSPECT("record an inspection on", EnumSet.of(IN_PROGRESS)),
        COMPLETE("complete", EnumSet.of(IN_PROGRESS)),
        INVOICE("invoice", EnumSet.of(COMPLETED)),
        PAY("record a payment on", EnumSet.of(INVOICED)),
        CANCEL("cancel", NOT_YET_COMPLETED),
        /** Not refused but ignored outside these states: inventory's answer came too late to matter. */
        RECORD_RESERVATION("record a reservation on", NOT_YET_COMPLETED),
        /** Not refused but ignored outside these states: finished work is never overdue. */
        BECOME_OVERDUE("mark overdue", NOT_YET_COMPLETED);

        private final String verb;
        private final Set<WorkOrderStatus> allowedIn;

        Action(String verb, Set<WorkOrderStatus> allowedIn) {
            this.verb = verb;
            this.allowedIn = allowedIn;
        }
    }

    private Lifecycle() {
    }

    static boolean allows(Action action, WorkOrderStatus status) {
        return action.allowedIn.contains(status);
    }

    static void check(Action action, WorkOrderStatus status) {
        if (!allows(action, status)) {
            throw new WorkOrderRuleViolation(ErrorCode.ILLEGAL_STATE,
                    "cannot " + action.verb + " a work order that is " + status);
        }
    }
}
