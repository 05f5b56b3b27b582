package io.wrench.command.technician.messages;

import io.wrench.shared.technician.TechnicianId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Register a technician, or rename one already registered ({@code PUT}): nothing is recorded when the
 * name is the one they have. Does not change whether they are active.
 */
public record RegisterTechnician(@TargetAggregateIdentifier TechnicianId technicianId, String userId,
                                 String displayName, @TargetAggregateVersion Long expectedVersion) {

    public static RegisterTechnician of(String userId, String displayName, Long expectedVersion) {
        return new RegisterTechnician(TechnicianId.of(userId), userId, displayName, expectedVersion);
    }
}
