package io.wrench.command.customer.messages;

import io.wrench.shared.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Archive: no new work orders or assets; the history stays. */
public record ArchiveCustomer(@TargetAggregateIdentifier CustomerId customerId, @TargetAggregateVersion Long expectedVersion) {
}
