package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;

/** Reserved stock left the shelf for the work order: on hand and reserved both drop. */
@Revision("1")
public record ReservedStockIssued(StockItemId itemId, WorkOrderId workOrderId, LineId lineId, BigDecimal quantity) {
}
