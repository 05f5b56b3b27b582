package io.wrench.api.audit;

/** The first point where stored history disagrees with its evidence. */
public record Broken(String eventId, String aggregateId, Long sequence, Long position, String reason, String detail) {

    static Broken at(StoredEvent event, String reason, String detail) {
        return new Broken(event.eventId(), event.aggregateId(), event.sequence(), event.position(), reason, detail);
    }
}
