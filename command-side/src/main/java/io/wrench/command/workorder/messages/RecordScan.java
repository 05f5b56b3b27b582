package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** A technician's progress scan while IN_PROGRESS; {@code scanId} is chosen by the caller, like a line id. */
public record RecordScan(@TargetAggregateIdentifier WorkOrderId workOrderId, UUID scanId, String stage, String note,
                         String technician, @TargetAggregateVersion Long expectedVersion) {
}
