package io.wrench.command.workorder.api;

import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A technician's progress scan while IN_PROGRESS. */
public record RecordScan(@TargetAggregateIdentifier WorkOrderId workOrderId, String stage, String note,
                         String technician, @TargetAggregateVersion Long expectedVersion) {
}
