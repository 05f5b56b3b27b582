package io.wrench.shared.workorder;

import org.axonframework.serialization.Revision;

/**
 * The technician responsible: {@code technician} is their user id (the JWT subject, as the directory
 * knows them), {@code technicianName} their display name at the time, so the history reads without the
 * directory. Revision 1 held one free text; its upcaster makes that text both (docs/people.md).
 */
@Revision("2")
public record TechnicianAssigned(WorkOrderId workOrderId, String technician, String technicianName) {
}
