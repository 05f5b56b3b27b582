package io.wrench.command.customer.messages;

import io.wrench.shared.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a customer; the email must not be in use (case-insensitive). */
public record RegisterCustomer(@TargetAggregateIdentifier CustomerId customerId, String name, String email, String phone, String address) {
}
