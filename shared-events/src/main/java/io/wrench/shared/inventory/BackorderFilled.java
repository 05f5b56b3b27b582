package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;

/** A waiting backorder became a reservation because stock became available. */
@Revision("1")
public record BackorderFilled(StockItemId itemId, WorkOrderId workOrderId, LineId lineId, BigDecimal quantity) {
}
