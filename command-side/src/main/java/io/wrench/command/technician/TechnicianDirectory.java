package io.wrench.command.technician;

import io.wrench.shared.ErrorCode;

import java.util.Optional;

/**
 * The command side's own view of the directory: who is registered, under which name, and whether they
 * are active. Kept in the command's transaction (a subscribing processor), never read from the
 * eventually consistent read side, so a technician registered a moment ago can be assigned at once.
 */
public interface TechnicianDirectory {

    Optional<Entry> find(String userId);

    /**
     * The technician a work order may be assigned to: registered and active, else refused
     * ({@code UNKNOWN_TECHNICIAN}, {@code TECHNICIAN_INACTIVE}, both 409).
     */
    default Entry assignable(String userId) {
        Entry technician = find(userId).orElseThrow(() -> new TechnicianRuleViolation(
                ErrorCode.UNKNOWN_TECHNICIAN, "no technician with user id " + userId + " in the directory"));
        if (!technician.active()) {
            throw new TechnicianRuleViolation(ErrorCode.TECHNICIAN_INACTIVE,
                    "technician " + userId + " (" + technician.displayName() + ") is inactive");
        }
        return technician;
    }

    record Entry(String userId, String displayName, boolean active) {
    }
}
