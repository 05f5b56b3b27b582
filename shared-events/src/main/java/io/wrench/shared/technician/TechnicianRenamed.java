package io.wrench.shared.technician;

import org.axonframework.serialization.Revision;

/** The technician's display name changed; the user id never does. */
@Revision("1")
public record TechnicianRenamed(TechnicianId technicianId, String userId, String displayName) {
}
