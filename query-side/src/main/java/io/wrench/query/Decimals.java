package io.wrench.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers leave the read side (API.md): money with two decimals; quantities as plain numbers
 * without the padding of their numeric column (12.5000 is 12.5, 10.0000 is 10, never 1E+1).
 */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A work-order line's amount: quantity (or hours) x price, rounded to cents half up; totals sum these. */
    public static BigDecimal lineAmount(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal quantity(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
