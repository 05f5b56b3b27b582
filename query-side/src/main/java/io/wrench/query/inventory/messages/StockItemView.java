package io.wrench.query.inventory.messages;

import io.wrench.shared.inventory.StockItemId;

import java.math.BigDecimal;

/**
 * One stock item: the list's fields, the reorder quantity and {@code version}, the aggregate's
 * version (ETag).
 */
public record StockItemView(StockItemId id, String sku, String name, String unit, BigDecimal onHand,
                            BigDecimal reserved, BigDecimal available, BigDecimal backordered,
                            BigDecimal reorderLevel, BigDecimal reorderQuantity, boolean lowStock,
                            BigDecimal unitCost, String location, boolean discontinued, long version) {
}
