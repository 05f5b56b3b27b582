package io.wrench.api.web;

import io.wrench.query.PageQuery;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** {@code ?page=0&size=20&sort=field,asc|desc} → a {@link PageQuery}, refusing what the list cannot do. */
public final class ListParams {

    private ListParams() {
    }

    public static PageQuery parse(Integer page, Integer size, String sort, Set<String> sortable) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > PageQuery.MAX_PAGE) {
            throw new FieldValidationException("page", "must be between 0 and " + PageQuery.MAX_PAGE);
        }
        if (s < 1 || s > PageQuery.MAX_SIZE) {
            throw new FieldValidationException("size", "must be between 1 and " + PageQuery.MAX_SIZE);
        }
        String field = null;
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            field = parts[0].trim();
            if (parts.length > 2) {
                throw new FieldValidationException("sort", "must be one field: field, field,asc or field,desc");
            }
            if (parts.length == 2) {
                String direction = parts[1].trim().toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw new FieldValidationException("sort", "direction must be asc or desc");
                }
                descending = direction.equals("desc");
            }
            if (!sortable.contains(field)) {
                throw new FieldValidationException("sort", "cannot sort by '" + field + "'; sortable fields: "
                        + String.join(", ", new TreeSet<>(sortable)));
            }
        }
        return new PageQuery(p, s, field, descending);
    }
}
