package io.wrench.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void a_line_is_quantity_times_price_rounded_to_cents_half_up() {
        assertThat(Money.line(new BigDecimal("1.5"), new BigDecimal("33.33"))).isEqualTo("50.00");
        assertThat(Money.line(new BigDecimal("0.5"), new BigDecimal("33.33"))).isEqualTo("16.67");
        assertThat(Money.line(new BigDecimal("3"), new BigDecimal("3.335"))).isEqualTo("10.01");
        assertThat(Money.line(new BigDecimal("1.25"), new BigDecimal("73.5"))).isEqualTo("91.88");
    }

    @Test
    void cents_keep_two_decimals_and_nothing_stays_nothing() {
        assertThat(Money.cents(new BigDecimal("7"))).isEqualTo("7.00");
        assertThat(Money.cents(null)).isNull();
    }
}
