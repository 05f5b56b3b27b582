package io.wrench.command.catalogue.messages;

import io.wrench.shared.catalogue.ServiceEntryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Retire an entry: it can no longer be applied or booked. */
public record RetireServiceEntry(@TargetAggregateIdentifier ServiceEntryId entryId,
                                 @TargetAggregateVersion Long expectedVersion) {
}
