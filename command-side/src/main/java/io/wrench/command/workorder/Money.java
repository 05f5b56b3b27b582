package io.wrench.command.workorder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is kept in cents, rounded half-up, so a total is the sum of the amounts a customer sees. */
final class Money {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
