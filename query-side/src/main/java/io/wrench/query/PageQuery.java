package io.wrench.query;

import java.util.Set;

/**
 * Which page of a list, sorted by which field. {@code sortField} is an API field name; each list
 * publishes the names it can sort by, and the REST layer refuses any other (400).
 */
public record PageQuery(int page, int size, String sortField, boolean descending) {

    public static final int MAX_SIZE = 200;
    /** The offset (page × size) must fit the int that Spring Data and JPA use: 10,000,000 × 200 does. */
    public static final int MAX_PAGE = 10_000_000;

    public PageQuery {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0.." + MAX_PAGE + " and size 1.." + MAX_SIZE);
        }
    }

    public boolean sortsBy(Set<String> allowed) {
        return sortField == null || allowed.contains(sortField);
    }
}
