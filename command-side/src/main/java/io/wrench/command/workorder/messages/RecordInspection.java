package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.InspectionResult;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** An inspection (PASS/FAIL) while IN_PROGRESS; the latest one decides whether the work can complete. */
public record RecordInspection(@TargetAggregateIdentifier WorkOrderId workOrderId, UUID inspectionId,
                               InspectionResult result, String notes, String inspector,
                               @TargetAggregateVersion Long expectedVersion) {
}
