package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;

/** A request larger than what was available waits, as a whole, in request order. */
@Revision("1")
public record StockBackordered(StockItemId itemId, WorkOrderId workOrderId, LineId lineId, BigDecimal quantity) {
}
