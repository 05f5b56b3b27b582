package io.wrench.shared.catalogue;

import io.wrench.shared.Identifier;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A catalogue entry's id; clients name an entry by its code, which the command-side registry maps to it. */
public record ServiceEntryId(UUID value) implements Identifier {
    public ServiceEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static ServiceEntryId random() {
        return new ServiceEntryId(UUID.randomUUID());
    }

    /** The code as the catalogue compares it: trimmed, upper case. */
    public static String normalise(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
