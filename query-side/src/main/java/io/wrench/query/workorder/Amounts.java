package io.wrench.query.workorder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the work order computes it: each line rounded to cents, half up, then summed. */
final class Amounts {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Amounts() {
    }

    static BigDecimal line(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
    }
}
