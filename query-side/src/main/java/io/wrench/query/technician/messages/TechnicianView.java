package io.wrench.query.technician.messages;

import java.time.Instant;

/**
 * A technician as the directory knows them: {@code userId} is the JWT subject that assignments, scans,
 * inspections and the work-order filter use; {@code version} the aggregate's (ETag, If-Match).
 */
public record TechnicianView(String userId, String displayName, boolean active, Instant registeredAt, long version) {
}
