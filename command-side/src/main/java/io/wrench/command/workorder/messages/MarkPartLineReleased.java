package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Parts process only: inventory released the line's stock. Idempotent, and never refused: an answer
 * that no longer applies (repeated, late, or for a line already settled) records nothing.
 */
public record MarkPartLineReleased(@TargetAggregateIdentifier WorkOrderId workOrderId, LineId lineId) {
}
