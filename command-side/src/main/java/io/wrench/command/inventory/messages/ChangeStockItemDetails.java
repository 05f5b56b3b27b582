package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/** Change name, location or reorder policy; a {@code null} component leaves that detail unchanged. */
public record ChangeStockItemDetails(@TargetAggregateIdentifier StockItemId itemId, String name, String location,
                                     BigDecimal reorderLevel, BigDecimal reorderQuantity,
                                     @TargetAggregateVersion Long expectedVersion) {
}
