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
    private final BigDecimal hours;
    private final BigDecimal hourlyRate;

    LabourLine(LineId lineId, BigDecimal hours, BigDecimal hourlyRate) {
        this.lineId = lineId;
        this.hours = hours;
        this.hourlyRate = hourlyRate;
    }

    LineId lineId() {
        return lineId;
    }

    BigDecimal amount() {
        return Money.cents(hours.multiply(hourlyRate));
    }

    /** Equal state, not identity: lets the aggregate test fixture check that sourcing rebuilds the same lines. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LabourLine line && lineId.equals(line.lineId) && hours.equals(line.hours)
                && hourlyRate.equals(line.hourlyRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineId, hours, hourlyRate);
    }
}
