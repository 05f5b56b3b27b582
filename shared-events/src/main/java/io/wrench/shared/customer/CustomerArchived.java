package io.wrench.shared.customer;

import org.axonframework.serialization.Revision;

/** The customer gets no new work orders; the history stays. */
@Revision("1")
public record CustomerArchived(CustomerId customerId) {
}
