package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/** Correct on-hand stock by a counted, non-zero delta, with the reason for the record. */
public record AdjustStock(@TargetAggregateIdentifier StockItemId itemId, BigDecimal quantityDelta, String reason,
                          @TargetAggregateVersion Long expectedVersion) {
}
