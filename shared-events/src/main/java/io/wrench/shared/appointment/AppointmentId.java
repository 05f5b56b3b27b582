package io.wrench.shared.appointment;

import io.wrench.shared.Identifier;

import java.util.Objects;
import java.util.UUID;

public record AppointmentId(UUID value) implements Identifier {
    public AppointmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AppointmentId random() {
        return new AppointmentId(UUID.randomUUID());
    }

    public static AppointmentId of(String value) {
        return new AppointmentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
