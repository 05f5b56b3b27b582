package io.wrench.command.workorder;

import io.wrench.shared.workorder.LineId;
import org.axonframework.modelling.command.EntityId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A labour line never changes after it was added; it can only be removed. (Not a record: on a
 * record component {@code @EntityId} would mark both the field and the accessor.)
 */
final class LabourLine {

    @EntityId
    private final LineId lineId;
    /** As the line's event recorded it (hours x hourly rate, in cents). */
    private final BigDecimal amount;

    LabourLine(LineId lineId, BigDecimal amount) {
        this.lineId = lineId;
        this.amount = amount;
    }

    LineId lineId() {
        return lineId;
    }

    BigDecimal amount() {
        return amount;
    }

    /** Equal state, not identity: lets the aggregate test fixture check that sourcing rebuilds the same lines. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LabourLine line && lineId.equals(line.lineId) && amount.equals(line.amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineId, amount);
    }
}
