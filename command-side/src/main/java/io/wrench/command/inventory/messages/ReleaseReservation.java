package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give up a line's reservation or waiting backorder. Idempotent: nothing open, nothing happens. */
public record ReleaseReservation(@TargetAggregateIdentifier StockItemId itemId, WorkOrderId workOrderId,
                                 LineId lineId) {
}
