package io.wrench.api.notification;

/** Where an outbox message stands: waiting (or being retried), sent, or parked until an ADMIN retries it. */
public enum OutboxState {
    PENDING, SENT, PARKED
}
