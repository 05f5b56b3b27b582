package io.wrench.api.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A request parameter that is an ISO-8601 instant: parsed, or a 400 problem naming the field. */
public final class InstantParameter {

    private InstantParameter() {
    }

    public static Instant parse(String field, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
