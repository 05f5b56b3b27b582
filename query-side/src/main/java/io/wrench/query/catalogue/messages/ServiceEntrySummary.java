package io.wrench.query.catalogue.messages;

import io.wrench.shared.catalogue.ServiceEntryId;

import java.math.BigDecimal;

/** A catalogue entry in the list: {@code hours} is the sum of its labour lines. */
public record ServiceEntrySummary(ServiceEntryId id, String code, String name, String category, int revision,
                                  boolean retired, BigDecimal hours, BigDecimal fixedPrice) {
}
