package io.wrench.shared.workorder;

import io.wrench.shared.Identifier;

import java.util.Objects;
import java.util.UUID;

public record WorkOrderId(UUID value) implements Identifier {
    public WorkOrderId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkOrderId random() {
        return new WorkOrderId(UUID.randomUUID());
    }

    public static WorkOrderId of(String value) {
        return new WorkOrderId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
