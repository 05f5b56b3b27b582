package io.wrench.shared;

/**
 * Declares that an event processor parks an event its handlers fail on in Axon's sequenced dead-letter
 * queue instead of retrying it forever: the event's sequence (as the processor's sequencing policy
 * groups events: its aggregate, or the whole stream for an {@link InStoredOrder} processor) waits
 * behind it, every other sequence goes on. A projection declares it as a bean beside its handlers;
 * the application gives each declared processor a queue in its own database (docs/operations.md,
 * "Dead letters"). A process that sends commands does not declare it: its failures stay retried.
 *
 * @param processingGroup the processor's name, a constant on the handler class it configures
 */
public record DeadLettered(String processingGroup) {

    public DeadLettered {
        if (processingGroup == null || processingGroup.isBlank()) {
            throw new IllegalArgumentException("a processing group is required");
        }
    }
}
