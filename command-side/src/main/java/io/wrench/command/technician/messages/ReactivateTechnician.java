package io.wrench.command.technician.messages;

import io.wrench.shared.technician.TechnicianId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The technician may be assigned again; reactivating an active one records nothing. */
public record ReactivateTechnician(@TargetAggregateIdentifier TechnicianId technicianId,
                                   @TargetAggregateVersion Long expectedVersion) {
}
