package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * A catalogue entry was applied to the work order: which code, which revision, under which name, and
 * the lines it added (their own events follow this one, in the same commit).
 */
@Revision("1")
public record JobApplied(WorkOrderId workOrderId, UUID jobId, String serviceCode, int revision, String name,
                         List<LineId> lineIds) {
}
