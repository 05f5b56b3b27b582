package io.wrench.query.customer.messages;

import io.wrench.shared.customer.CustomerId;

/** One customer with assets and work orders; empty when unknown. */
public record FindCustomer(CustomerId customerId) {
}
