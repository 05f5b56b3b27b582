package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** A part line; SKU and name are copied from the item on purpose (the invoice shows what was added). Starts PENDING. */
@Revision("1")
public record PartLineAdded(WorkOrderId workOrderId, LineId lineId, io.wrench.shared.inventory.StockItemId itemId, String sku, String name, BigDecimal quantity, BigDecimal unitPrice) {
}
