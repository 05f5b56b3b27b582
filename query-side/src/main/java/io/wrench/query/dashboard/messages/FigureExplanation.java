package io.wrench.query.dashboard.messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A figure's value and one page of the events that make it up; over all pages the contributions
 * add up to the value exactly.
 */
public record FigureExplanation(String figure, BigDecimal value, long position, List<Contribution> items,
                                int page, int size, long totalItems, int totalPages) {

    public record Contribution(String eventId, String aggregateId, String type, Instant at,
                               BigDecimal contribution) {
    }
}
