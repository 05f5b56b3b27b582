package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** A labour or part line was removed; a part line's reservation is then released by the parts process. */
@Revision("1")
public record LineRemoved(WorkOrderId workOrderId, LineId lineId) {
}
