package io.wrench.query.customer.messages;

/** The processor whose projection keeps the views these queries read (a consistency wait names it). */
public final class CustomerViews {

    public static final String PROCESSOR = "customer-projection";

    private CustomerViews() {
    }
}
