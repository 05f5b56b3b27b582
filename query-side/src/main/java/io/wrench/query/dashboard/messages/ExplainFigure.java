package io.wrench.query.dashboard.messages;

import java.time.LocalDate;

/** One page of the events a figure is made of. {@code figure} is a parsed, valid figure. */
public record ExplainFigure(Figure figure, LocalDate from, LocalDate to, int page, int size) {
}
