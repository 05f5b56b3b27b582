package io.wrench.query.catalogue.messages;

/** One entry by its code (case-insensitive). */
public record FindServiceEntry(String code) {
}
