package io.wrench.query;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.util.Map;

/** Translates an API sort field to an entity property through a list's allow-list. */
public final class Sorting {

    private Sorting() {
    }

    public static Pageable pageable(PageQuery query, Map<String, String> allowList, String defaultField,
                                    String tieBreaker) {
        String field = query.sortField() == null ? defaultField : query.sortField();
        String property = allowList.get(field);
        if (property == null) {
            throw new IllegalArgumentException("cannot sort by " + field);
        }
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort sort = Sort.by(direction, property);
        if (!property.equals(tieBreaker)) {
            sort = sort.and(Sort.by(Sort.Direction.ASC, tieBreaker));
        }
        return PageRequest.of(query.page(), query.size(), sort);
    }
}
