package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Reserve stock for one work-order line. Idempotent per (work order, line): a repeat changes nothing.
 * Answered by StockReserved, StockBackordered or ReservationRejected.
 */
public record ReserveStock(@TargetAggregateIdentifier StockItemId itemId, WorkOrderId workOrderId, LineId lineId,
                           BigDecimal quantity) {
}
