package io.wrench.query.catalogue.messages;

import io.wrench.query.PageQuery;

import java.util.Map;
import java.util.Set;

/** The catalogue list: {@code search} over code, name, category and description; {@code retired} null = all. */
public record FindServiceEntries(String search, Boolean retired, PageQuery page) {

    /** API sort field → read-model property. */
    public static final Map<String, String> SORTABLE = Map.of(
            "code", "codeKey",
            "name", "name",
            "category", "category",
            "hours", "hours");

    public static Set<String> sortFields() {
        return SORTABLE.keySet();
    }
}
