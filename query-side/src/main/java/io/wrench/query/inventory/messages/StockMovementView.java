package io.wrench.query.inventory.messages;

import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of an item's ledger. {@code quantity} is signed for adjustments and positive otherwise (the
 * type says which way it moved); {@code by} is the user whose request caused it, null when unknown.
 */
public record StockMovementView(Instant at, Type type, BigDecimal quantity, WorkOrderId workOrderId,
                                String reason, String by) {

    public enum Type { RECEIPT, ADJUSTMENT, RESERVATION, RELEASE, ISSUE }
}
