package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** Name, location or reorder policy after the change (all four, changed or not). */
@Revision("1")
public record StockItemDetailsChanged(StockItemId itemId, String name, String location, BigDecimal reorderLevel, BigDecimal reorderQuantity) {
}
