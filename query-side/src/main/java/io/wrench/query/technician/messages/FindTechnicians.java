package io.wrench.query.technician.messages;

import io.wrench.query.PageQuery;

import java.util.Map;
import java.util.Set;

/** The directory, by display name: {@code active} null = all. */
public record FindTechnicians(Boolean active, PageQuery page) {

    /** API sort field → read-model property. */
    public static final Map<String, String> SORTABLE = Map.of(
            "displayName", "displayName",
            "userId", "userId",
            "active", "active");

    public static Set<String> sortFields() {
        return SORTABLE.keySet();
    }
}
