package io.wrench.query;

import org.springframework.data.jpa.domain.Specification;

import java.util.Locale;

/**
 * {@code ?search=}: a case-insensitive substring of a read model's {@code searchText} column (kept in
 * lower case by the projection). The term's own {@code %} and {@code _} match only themselves.
 */
public final class SearchText {

    private SearchText() {
    }

    /** Everything when the term is null or blank. */
    public static <T> Specification<T> contains(String search) {
        if (search == null || search.isBlank()) {
            return (root, query, cb) -> cb.conjunction();
        }
        String pattern = "%" + likeEscape(search.trim().toLowerCase(Locale.ROOT)) + "%";
        return (root, query, cb) -> cb.like(root.get("searchText"), pattern, '\\');
    }

    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
