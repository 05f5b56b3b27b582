package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/**
 * A part line; SKU and name are copied from the item on purpose (the invoice shows what was added). Starts PENDING.
 * {@code amount} = quantity x unit price, rounded to cents ({@code Money.line}); revision 1 had none (upcast).
 */
@Revision("2")
public record PartLineAdded(WorkOrderId workOrderId, LineId lineId, io.wrench.shared.inventory.StockItemId itemId, String sku, String name, BigDecimal quantity, BigDecimal unitPrice,
                            BigDecimal amount) {
}
