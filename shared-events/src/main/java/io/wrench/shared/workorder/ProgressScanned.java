package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** A technician's progress scan (stage and note) while IN_PROGRESS. */
@Revision("1")
public record ProgressScanned(WorkOrderId workOrderId, String stage, String note, String technician) {
}
