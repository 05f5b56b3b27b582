package io.wrench.shared.technician;

import org.axonframework.serialization.Revision;

/** A person who may be assigned to work orders: their user id (the JWT subject) and the name people read. Active. */
@Revision("1")
public record TechnicianRegistered(TechnicianId technicianId, String userId, String displayName) {
}
