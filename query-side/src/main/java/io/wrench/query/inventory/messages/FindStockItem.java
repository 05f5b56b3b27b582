package io.wrench.query.inventory.messages;

import io.wrench.shared.inventory.StockItemId;

/** One stock item; empty when unknown. */
public record FindStockItem(StockItemId itemId) {
}
