package io.wrench.shared.customer;

import io.wrench.shared.Identifier;

import java.util.Objects;
import java.util.UUID;

public record CustomerId(UUID value) implements Identifier {
    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    public static CustomerId of(String value) {
        return new CustomerId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
