package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** A counted correction of on-hand stock (positive or negative) with the reason. */
@Revision("1")
public record StockAdjusted(StockItemId itemId, BigDecimal quantityDelta, String reason) {
}
