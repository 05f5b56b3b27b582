package io.wrench.command.inventory;

import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockLevelRecovered;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Low stock is signalled once, with hysteresis: when available stock falls to or below the reorder
 * level ({@link LowStockDetected}), and again only after it recovered above it ({@link StockLevelRecovered}).
 */
final class LowStockPolicy {

    private LowStockPolicy() {
    }

    /** The signal the new level calls for, given whether the item is already flagged low; empty when none. */
    static Optional<Object> signal(StockItemId item, BigDecimal available, BigDecimal reorderLevel, boolean flaggedLow) {
        boolean atOrBelowLevel = available.compareTo(reorderLevel) <= 0;
        if (atOrBelowLevel && !flaggedLow) {
            return Optional.of(new LowStockDetected(item, available, reorderLevel));
        }
        if (!atOrBelowLevel && flaggedLow) {
            return Optional.of(new StockLevelRecovered(item, available, reorderLevel));
        }
        return Optional.empty();
    }
}
