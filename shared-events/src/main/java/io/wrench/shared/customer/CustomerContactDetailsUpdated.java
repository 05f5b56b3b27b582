package io.wrench.shared.customer;

import org.axonframework.serialization.Revision;

/** The customer's contact details after the change (all four, changed or not). */
@Revision("1")
public record CustomerContactDetailsUpdated(CustomerId customerId, String name, String email, String phone, String address) {
}
