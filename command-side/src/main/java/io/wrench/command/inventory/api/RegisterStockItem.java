package io.wrench.command.inventory.api;

import io.wrench.shared.inventory.StockItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Register a new stock item with nothing on hand. {@code location} is optional; the SKU must be unique,
 * which the caller checks before sending (a set-based rule the aggregate cannot see).
 */
public record RegisterStockItem(@TargetAggregateIdentifier StockItemId itemId, String sku, String name, String unit,
                                BigDecimal reorderLevel, BigDecimal reorderQuantity, BigDecimal unitCost,
                                String location) {
}
