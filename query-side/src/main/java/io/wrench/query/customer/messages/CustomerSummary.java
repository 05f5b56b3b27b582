package io.wrench.query.customer.messages;

import io.wrench.shared.customer.CustomerId;

/** A row of the customer list. */
public record CustomerSummary(CustomerId id, String name, String email, String phone, boolean archived,
                              int assetCount, int openWorkOrders) {
}
