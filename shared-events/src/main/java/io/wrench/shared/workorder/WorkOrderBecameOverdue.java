package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** The due date passed before completion (raised exactly once). */
@Revision("1")
public record WorkOrderBecameOverdue(WorkOrderId workOrderId, java.time.LocalDate dueDate) {
}
