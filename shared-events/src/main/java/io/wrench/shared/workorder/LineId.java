package io.wrench.shared.workorder;

import io.wrench.shared.Identifier;

import java.util.Objects;
import java.util.UUID;

public record LineId(UUID value) implements Identifier {
    public LineId {
        Objects.requireNonNull(value, "value");
    }

    public static LineId random() {
        return new LineId(UUID.randomUUID());
    }

    public static LineId of(String value) {
        return new LineId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
