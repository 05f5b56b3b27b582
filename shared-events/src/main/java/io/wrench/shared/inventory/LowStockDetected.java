package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** Available stock fell to or below the reorder level; raised again only after a recovery. */
@Revision("1")
public record LowStockDetected(StockItemId itemId, BigDecimal available, BigDecimal reorderLevel) {
}
