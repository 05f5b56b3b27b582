package io.wrench.shared.inventory;

import io.wrench.shared.Identifier;

import java.util.Objects;
import java.util.UUID;

public record StockItemId(UUID value) implements Identifier {
    public StockItemId {
        Objects.requireNonNull(value, "value");
    }

    public static StockItemId random() {
        return new StockItemId(UUID.randomUUID());
    }

    public static StockItemId of(String value) {
        return new StockItemId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
