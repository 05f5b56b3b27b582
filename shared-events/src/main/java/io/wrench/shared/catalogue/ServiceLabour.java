package io.wrench.shared.catalogue;

import java.math.BigDecimal;

/** A catalogue entry's labour line: what a work order's labour line will say. */
public record ServiceLabour(String description, BigDecimal hours, BigDecimal hourlyRate) implements io.wrench.shared.EventValue {
}
