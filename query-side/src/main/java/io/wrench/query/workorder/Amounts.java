package io.wrench.query.workorder;

import io.wrench.query.Decimals;

import java.math.BigDecimal;

/** Money as the work order computes it: each line rounded to cents, half up, then summed. */
final class Amounts {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Amounts() {
    }

    static BigDecimal line(BigDecimal quantity, BigDecimal price) {
        return Decimals.lineAmount(quantity, price);
    }
}
