package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** An inspection while IN_PROGRESS; completion needs the latest one to be PASS. */
@Revision("1")
public record InspectionRecorded(WorkOrderId workOrderId, java.util.UUID inspectionId, InspectionResult result, String notes, String inspector) {
}
