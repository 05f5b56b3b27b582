package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/** The technician responsible (a user name / JWT subject). */
@Revision("1")
public record TechnicianAssigned(WorkOrderId workOrderId, String technician) {
}
