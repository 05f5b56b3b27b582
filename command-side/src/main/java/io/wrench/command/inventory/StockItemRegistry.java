package io.wrench.command.inventory;

import io.wrench.shared.inventory.StockItemId;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The command side's own view of the stock items: which SKU is taken, and what a work-order part line
 * needs to know about an item. Kept in the command's transaction (a subscribing processor), never read
 * from the eventually consistent read side.
 */
public interface StockItemRegistry {

    /** The item that has this SKU (compared case-insensitively, surrounding spaces ignored), if any. */
    Optional<StockItemId> skuOwner(String sku);

    /** The item as a part line sees it; empty when no such item was registered. */
    Optional<Item> find(StockItemId itemId);

    /** {@code unitCost} is the moving-average cost after the latest receipt (the registration cost before one). */
    record Item(String sku, String name, BigDecimal unitCost, boolean discontinued) {
    }

    static String normaliseSku(String sku) {
        return sku == null ? null : sku.trim().toUpperCase(Locale.ROOT);
    }
}
