package io.wrench.query.inventory.messages;

import io.wrench.shared.inventory.StockItemId;

import java.math.BigDecimal;

/**
 * A row of the stock item list. {@code available} = on hand − reserved; {@code backordered} is what
 * waiting work-order lines still ask for; {@code lowStock} is the item's last low-stock signal.
 */
public record StockItemSummary(StockItemId id, String sku, String name, String unit, BigDecimal onHand,
                               BigDecimal reserved, BigDecimal available, BigDecimal backordered,
                               BigDecimal reorderLevel, boolean lowStock, BigDecimal unitCost, String location,
                               boolean discontinued) {
}
