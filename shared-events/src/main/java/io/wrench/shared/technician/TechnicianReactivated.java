package io.wrench.shared.technician;

import org.axonframework.serialization.Revision;

/** May be assigned again. */
@Revision("1")
public record TechnicianReactivated(TechnicianId technicianId, String userId) {
}
