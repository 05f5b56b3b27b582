package io.wrench.command.workorder.messages;

import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/**
 * Add a part line: {@code quantity > 0}; without {@code unitPrice} the catalogue's cost-based price
 * is used. The line starts PENDING until inventory answers the reservation.
 */
public record AddPartLine(@TargetAggregateIdentifier WorkOrderId workOrderId, LineId lineId, StockItemId itemId,
                          BigDecimal quantity, BigDecimal unitPrice, @TargetAggregateVersion Long expectedVersion) {
}
