package io.wrench.query.customer.api;

import io.wrench.shared.customer.CustomerId;

/** A row of the customer list. */
public record CustomerSummary(CustomerId id, String name, String email, String phone, boolean archived,
                              int assetCount, int openWorkOrders) {
}
