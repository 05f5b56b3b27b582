package io.wrench.query;

import java.util.List;

/** One page of a list, in the shape docs/rest-contract.md fixes. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(org.springframework.data.domain.Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    /** A page of a list that was counted by hand (not a Spring Data query): its page count from the total. */
    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageView<>(items, page, size, totalItems, pages(totalItems, size));
    }

    /** How many pages of {@code size} hold {@code totalItems}. */
    public static int pages(long totalItems, int size) {
        return (int) ((totalItems + size - 1) / size);
    }
}
