package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/**
 * A technician's progress scan (stage and note) while IN_PROGRESS. {@code scanId} names it for clients;
 * it was added before any scan was stored, so revision 1 still describes every stored scan.
 */
@Revision("1")
public record ProgressScanned(WorkOrderId workOrderId, java.util.UUID scanId, String stage, String note, String technician) {
}
