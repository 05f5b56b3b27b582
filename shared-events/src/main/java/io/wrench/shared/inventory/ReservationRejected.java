package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;

/** A reservation request was refused (the item is discontinued); the line gets nothing. */
@Revision("1")
public record ReservationRejected(StockItemId itemId, WorkOrderId workOrderId, LineId lineId, BigDecimal quantity, io.wrench.shared.ErrorCode reason) {
}
