package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** A new stock item; SKU unique (case-insensitive). Starts with nothing on hand. */
@Revision("1")
public record StockItemRegistered(StockItemId itemId, String sku, String name, String unit, BigDecimal reorderLevel, BigDecimal reorderQuantity, BigDecimal unitCost, String location) {
}
