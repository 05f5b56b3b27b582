package io.wrench.shared.technician;

import org.axonframework.serialization.Revision;

/** No new assignments; work orders already assigned to them keep them. */
@Revision("1")
public record TechnicianDeactivated(TechnicianId technicianId, String userId) {
}
