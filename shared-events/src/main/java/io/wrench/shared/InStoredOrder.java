package io.wrench.shared;

/**
 * Declares that an event processor must handle every event in stored order, on exactly one segment
 * and so on one thread of one instance: a projection whose rows are changed by events of several
 * aggregates, or a process that must see requests in the order they were made. Each side declares
 * its own as a bean beside the code that depends on it; the application applies every declaration
 * (one segment, sequential, the batch size) and migrates a token store that holds more segments.
 *
 * @param processingGroup the processor's name, a constant on the handler class it configures
 * @param batchSize       events handled per transaction
 * @param why             the guarantee this protects, for the operations page and start-up log
 * @param historyAsLive   the first start (no token yet) reads the events already stored as live events, not
 *                        as Axon's default replay up to the head: for a {@code @DisallowReplay} handler that
 *                        must still see every stored event (the audit ledger, when its database is new but
 *                        the event store is not, as with Axon Server)
 */
public record InStoredOrder(String processingGroup, int batchSize, String why, boolean historyAsLive) {

    /** A first start replays what is already stored (Axon's default). */
    public InStoredOrder(String processingGroup, int batchSize, String why) {
        this(processingGroup, batchSize, why, false);
    }

    public InStoredOrder {
        if (processingGroup == null || processingGroup.isBlank() || batchSize < 1) {
            throw new IllegalArgumentException("a processing group and a positive batch size are required");
        }
    }
}
