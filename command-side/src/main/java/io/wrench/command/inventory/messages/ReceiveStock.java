package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/** Stock arrived: quantity above zero at a unit cost of zero or more. Supplier and reference are optional. */
public record ReceiveStock(@TargetAggregateIdentifier StockItemId itemId, BigDecimal quantity, BigDecimal unitCost,
                           String supplier, String reference, @TargetAggregateVersion Long expectedVersion) {
}
