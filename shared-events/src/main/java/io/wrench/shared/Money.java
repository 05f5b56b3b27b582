package io.wrench.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for money: cents, half up. A work-order line's amount is quantity (or hours)
 * times price, rounded so; totals and tax are sums of such amounts, rounded the same way. The
 * aggregate computes amounts with it and records them on its events; the read side only copies them.
 */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal line(BigDecimal quantity, BigDecimal price) {
        return cents(quantity.multiply(price));
    }
}
