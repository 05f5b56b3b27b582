package io.wrench.command.inventory.messages;

import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue a line's reserved stock (it leaves the shelf). Idempotent: an issued line is not issued again. */
public record IssueReservedStock(@TargetAggregateIdentifier StockItemId itemId, WorkOrderId workOrderId,
                                 LineId lineId) {
}
