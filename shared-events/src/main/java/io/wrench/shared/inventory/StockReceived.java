package io.wrench.shared.inventory;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** Stock arrived. {@code averageUnitCost} is the moving-average cost after the receipt, as the aggregate valued it. */
@Revision("1")
public record StockReceived(StockItemId itemId, BigDecimal quantity, BigDecimal unitCost, String supplier, String reference, BigDecimal averageUnitCost) {
}
