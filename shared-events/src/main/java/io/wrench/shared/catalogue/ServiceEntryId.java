package io.wrench.shared.catalogue;

import io.wrench.shared.Identifier;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A catalogue entry's id. It follows from the entry's code (a name-based UUID of the code in upper
 * case), so a path that names an entry by its code names its aggregate without a lookup.
 */
public record ServiceEntryId(UUID value) implements Identifier {
    public ServiceEntryId {
        Objects.requireNonNull(value, "value");
    }

    /** The code as the catalogue compares it: trimmed, upper case. */
    public static String normalise(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public static ServiceEntryId forCode(String code) {
        return new ServiceEntryId(UUID.nameUUIDFromBytes(("service-entry:" + normalise(code))
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
