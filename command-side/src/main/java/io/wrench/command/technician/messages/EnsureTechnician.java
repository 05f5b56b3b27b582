package io.wrench.command.technician.messages;

import io.wrench.shared.technician.TechnicianId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a technician unless they are registered already, in which case nothing changes (not their
 * name, not a deactivation): the start-up seed, safe to send on every start of every instance.
 */
public record EnsureTechnician(@TargetAggregateIdentifier TechnicianId technicianId, String userId,
                               String displayName) {

    public static EnsureTechnician of(String userId, String displayName) {
        return new EnsureTechnician(TechnicianId.of(userId), userId, displayName);
    }
}
