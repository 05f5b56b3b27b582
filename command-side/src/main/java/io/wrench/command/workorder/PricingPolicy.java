package io.wrench.command.workorder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** The price of a part line added without an explicit unit price. */
public interface PricingPolicy {

    BigDecimal defaultUnitPrice(BigDecimal unitCost);

    /** Cost plus a markup fraction ({@code 0.25} = 25 %), rounded to cents half-up. */
    static PricingPolicy markup(BigDecimal markup) {
        Objects.requireNonNull(markup, "markup");
        BigDecimal factor = BigDecimal.ONE.add(markup);
        return unitCost -> unitCost.multiply(factor).setScale(2, RoundingMode.HALF_UP);
    }
}
