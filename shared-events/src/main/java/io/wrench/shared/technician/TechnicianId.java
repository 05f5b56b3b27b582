package io.wrench.shared.technician;

import io.wrench.shared.Identifier;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A technician aggregate's id, derived from the user id (a name-based UUID): the same person is the
 * same aggregate on every instance, so registering them twice (a start-up seed on two instances) meets
 * the same stream instead of creating a second technician.
 */
public record TechnicianId(UUID value) implements Identifier {
    public TechnicianId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A user id is a JWT subject as identity providers issue them (a UUID, a client id, an e-mail): 1 to
     * 200 characters, no whitespace or control characters, no {@code /}. {@value #ME} is not one: it
     * stands for the caller.
     */
    private static final Pattern USER_ID = Pattern.compile("[^\\s/\\p{Cntrl}]{1,200}");
    public static final String ME = "me";

    public static boolean isUserId(String userId) {
        return userId != null && USER_ID.matcher(userId).matches() && !ME.equals(userId);
    }

    public static TechnicianId of(String userId) {
        return new TechnicianId(UUID.nameUUIDFromBytes(("technician:" + userId).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
