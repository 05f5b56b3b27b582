package io.wrench.api.technician;

/**
 * A technician the directory should know from the start ({@link TechnicianSeeding}): the embedded
 * default's demo technician, and those {@code wrench.technicians.seed} names.
 */
public record TechnicianSeed(String userId, String displayName) {
}
