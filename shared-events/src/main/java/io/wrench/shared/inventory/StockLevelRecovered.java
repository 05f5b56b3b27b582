package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** Available stock rose back above the reorder level after a low-stock signal. */
@Revision("1")
public record StockLevelRecovered(StockItemId itemId, BigDecimal available, BigDecimal reorderLevel) {
}
