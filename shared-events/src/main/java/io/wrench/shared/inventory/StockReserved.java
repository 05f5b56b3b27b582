package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;

/** Available stock was reserved for a work-order line. */
@Revision("1")
public record StockReserved(StockItemId itemId, WorkOrderId workOrderId, LineId lineId, BigDecimal quantity) {
}
