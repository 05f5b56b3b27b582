package io.wrench.command.workorder;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.PartLineBackordered;
import io.wrench.shared.workorder.PartLineIssued;
import io.wrench.shared.workorder.PartLineReleased;
import io.wrench.shared.workorder.PartLineReserved;
import io.wrench.shared.workorder.PartLineStatus;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.math.BigDecimal;
import java.util.Objects;

import static io.wrench.shared.workorder.PartLineStatus.BACKORDERED;
import static io.wrench.shared.workorder.PartLineStatus.ISSUED;
import static io.wrench.shared.workorder.PartLineStatus.PENDING;
import static io.wrench.shared.workorder.PartLineStatus.RELEASED;
import static io.wrench.shared.workorder.PartLineStatus.RESERVED;

/**
 * A part line and inventory's answers about it. A removed line is kept (flagged) until inventory
 * confirms the release, so late answers about it can be recognised and ignored.
 */
class PartLine {

    @EntityId
    private final LineId lineId;
    private final BigDecimal quantity;
    /** As the line's event recorded it (quantity x unit price, in cents). */
    private final BigDecimal amount;
    private PartLineStatus status = PENDING;
    private boolean removed;

    PartLine(LineId lineId, BigDecimal quantity, BigDecimal amount) {
        this.lineId = lineId;
        this.quantity = quantity;
        this.amount = amount;
    }

    LineId lineId() {
        return lineId;
    }

    boolean isRemoved() {
        return removed;
    }

    /** On the bill: still on the work order and not given up. */
    boolean isCharged() {
        return !removed && status != RELEASED;
    }

    boolean isWaitingForStock() {
        return !removed && (status == PENDING || status == BACKORDERED);
    }

    BigDecimal amount() {
        return amount;
    }

    /**
     * Whether inventory's answer changes this line. Issued and released are final; a reservation or
     * backorder only counts for a line still on a work order that can still use it, so a late answer
     * never brings a removed line or a cancelled work order back to RESERVED. Repeats change nothing.
     */
    boolean takes(PartLineStatus answer, boolean workOrderCanUseStock) {
        if (status == ISSUED || status == RELEASED) {
            return false;
        }
        boolean usable = !removed && workOrderCanUseStock;
        return switch (answer) {
            case RESERVED -> usable && status != RESERVED;
            case BACKORDERED -> usable && status == PENDING;
            case RELEASED, ISSUED -> true;
            case PENDING -> false;
        };
    }

    @EventSourcingHandler
    void on(PartLineReserved event) {
        status = RESERVED;
    }

    @EventSourcingHandler
    void on(PartLineBackordered event) {
        status = BACKORDERED;
    }

    @EventSourcingHandler
    void on(PartLineReleased event) {
        status = RELEASED;
    }

    @EventSourcingHandler
    void on(PartLineIssued event) {
        status = ISSUED;
    }

    @EventSourcingHandler
    void on(LineRemoved event) {
        removed = true;
    }

    /** Equal state, not identity: lets the aggregate test fixture check that sourcing rebuilds the same lines. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PartLine line && lineId.equals(line.lineId) && quantity.equals(line.quantity)
                && amount.equals(line.amount) && status == line.status && removed == line.removed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineId, quantity, amount, status, removed);
    }
}
