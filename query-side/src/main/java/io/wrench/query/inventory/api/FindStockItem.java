package io.wrench.query.inventory.api;

import io.wrench.shared.inventory.StockItemId;

/** One stock item; empty when unknown. */
public record FindStockItem(StockItemId itemId) {
}
