package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Stop taking new reservations; what is already reserved or backordered can still be issued or released. */
public record DiscontinueStockItem(@TargetAggregateIdentifier StockItemId itemId,
                                   @TargetAggregateVersion Long expectedVersion) {
}
