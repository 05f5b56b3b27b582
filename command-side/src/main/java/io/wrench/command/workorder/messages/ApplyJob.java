package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/**
 * Apply a catalogue entry's current revision: all its labour and part lines are added, or none is.
 * The lines' ids follow from {@code jobId} ({@code JobLines.lineId}), so the caller knows them.
 */
public record ApplyJob(@TargetAggregateIdentifier WorkOrderId workOrderId, UUID jobId, String serviceCode,
                       @TargetAggregateVersion Long expectedVersion) {
}
