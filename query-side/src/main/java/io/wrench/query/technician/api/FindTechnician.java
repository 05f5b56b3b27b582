package io.wrench.query.technician.api;

/** One technician by user id. */
public record FindTechnician(String userId) {
}
