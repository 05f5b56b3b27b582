package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Register a new stock item with nothing on hand. {@code location} is optional; the SKU (trimmed) must
 * not be in use by another item, compared case-insensitively ({@code SKU_IN_USE}).
 */
public record RegisterStockItem(@TargetAggregateIdentifier StockItemId itemId, String sku, String name, String unit,
                                BigDecimal reorderLevel, BigDecimal reorderQuantity, BigDecimal unitCost,
                                String location) {
}
