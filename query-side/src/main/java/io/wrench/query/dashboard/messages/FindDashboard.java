package io.wrench.query.dashboard.messages;

import java.time.LocalDate;

/** The dashboard document; {@code from}/{@code to} (inclusive, shop time zone) default to the last 30 days. */
public record FindDashboard(LocalDate from, LocalDate to) {
}
