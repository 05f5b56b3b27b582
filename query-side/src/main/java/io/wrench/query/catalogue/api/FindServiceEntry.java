package io.wrench.query.catalogue.api;

/** One entry by its code (case-insensitive). */
public record FindServiceEntry(String code) {
}
