package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;

/** A reservation (or a still-waiting backorder, {@code backorder = true}) was given up. */
@Revision("1")
public record ReservationReleased(StockItemId itemId, WorkOrderId workOrderId, LineId lineId, BigDecimal quantity, boolean backorder) {
}
