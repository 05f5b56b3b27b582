package io.wrench.command.workorder;

import io.wrench.shared.workorder.InspectionResult;

import java.util.Collection;

import static io.wrench.shared.ErrorCode.INSPECTION_NOT_PASSED;
import static io.wrench.shared.ErrorCode.PARTS_BACKORDERED;

/** Work is complete only when it passed its latest inspection and every part it needs is on the shelf. */
final class CompletionPolicy {

    private CompletionPolicy() {
    }

    static void check(InspectionResult latestInspection, Collection<PartLine> partLines) {
        if (latestInspection == null) {
            throw new WorkOrderRuleViolation(INSPECTION_NOT_PASSED, "cannot complete: no inspection recorded yet");
        }
        if (latestInspection != InspectionResult.PASS) {
            throw new WorkOrderRuleViolation(INSPECTION_NOT_PASSED,
                    "cannot complete: the latest inspection is " + latestInspection + ", it must be PASS");
        }
        long waiting = partLines.stream().filter(PartLine::isWaitingForStock).count();
        if (waiting > 0) {
            throw new WorkOrderRuleViolation(PARTS_BACKORDERED,
                    "cannot complete: " + waiting + " part line(s) still PENDING or BACKORDERED");
        }
    }
}
