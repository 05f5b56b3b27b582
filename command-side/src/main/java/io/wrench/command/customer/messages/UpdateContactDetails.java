package io.wrench.command.customer.messages;

import io.wrench.shared.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Change any of the contact details; a null field stays as it is. */
public record UpdateContactDetails(@TargetAggregateIdentifier CustomerId customerId, String name, String email, String phone, String address,
                                   @TargetAggregateVersion Long expectedVersion) {
}
