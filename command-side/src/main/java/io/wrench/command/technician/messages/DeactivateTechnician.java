package io.wrench.command.technician.messages;

import io.wrench.shared.technician.TechnicianId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** No new assignments for this technician; a second deactivation records nothing. */
public record DeactivateTechnician(@TargetAggregateIdentifier TechnicianId technicianId,
                                   @TargetAggregateVersion Long expectedVersion) {
}
