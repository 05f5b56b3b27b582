package io.wrench.shared.customer;

import io.wrench.shared.Identifier;

import java.util.Objects;
import java.util.UUID;

public record AssetId(UUID value) implements Identifier {
    public AssetId {
        Objects.requireNonNull(value, "value");
    }

    public static AssetId random() {
        return new AssetId(UUID.randomUUID());
    }

    public static AssetId of(String value) {
        return new AssetId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
