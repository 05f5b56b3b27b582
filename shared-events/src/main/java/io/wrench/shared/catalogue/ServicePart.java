package io.wrench.shared.catalogue;

import io.wrench.shared.inventory.StockItemId;

import java.math.BigDecimal;

/** A catalogue entry's part line: which stock item, how many. The price is the work order's, when applied. */
public record ServicePart(StockItemId itemId, BigDecimal quantity) implements io.wrench.shared.EventValue {
}
