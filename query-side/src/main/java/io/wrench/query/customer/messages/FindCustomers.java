package io.wrench.query.customer.messages;

import io.wrench.query.PageQuery;

import java.util.Map;
import java.util.Set;

/** The customer list: {@code search} over name, email and phone; {@code archived} null = all. */
public record FindCustomers(String search, Boolean archived, PageQuery page) {

    /** API sort field → read-model property. */
    public static final Map<String, String> SORTABLE = Map.of(
            "name", "name",
            "email", "email",
            "phone", "phone",
            "archived", "archived",
            "assetCount", "assetCount",
            "openWorkOrders", "openWorkOrders",
            "registeredAt", "registeredAt");

    public static Set<String> sortFields() {
        return SORTABLE.keySet();
    }
}
