package io.wrench.query;

import io.wrench.shared.Money;

import java.math.BigDecimal;

/**
 * How numbers leave the read side (docs/rest-contract.md): money with two decimals; quantities as plain numbers
 * without the padding of their numeric column (12.5000 is 12.5, 10.0000 is 10, never 1E+1).
 */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal money(BigDecimal amount) {
        return Money.cents(amount);
    }

    public static BigDecimal quantity(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
