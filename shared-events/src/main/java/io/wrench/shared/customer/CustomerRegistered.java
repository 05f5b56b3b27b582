package io.wrench.shared.customer;

import org.axonframework.serialization.Revision;

/** A new customer. {@code email} is stored as given; uniqueness is case-insensitive. */
@Revision("1")
public record CustomerRegistered(CustomerId customerId, String name, String email, String phone, String address) {
}
