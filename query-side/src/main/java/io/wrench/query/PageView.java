package io.wrench.query;

import java.util.List;

/** One page of a list, in the shape docs/rest-contract.md fixes. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(org.springframework.data.domain.Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
