package io.wrench.query.technician.messages;

/** One technician by user id. */
public record FindTechnician(String userId) {
}
