package io.wrench.query.dashboard;

import io.wrench.query.dashboard.messages.DashboardView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    /** The definition, computed the plain way: sort every value, pick by rank. */
    private static DashboardView.Durations naive(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return new DashboardView.Durations(0, null, null, null);
        }
        BigDecimal hour = BigDecimal.valueOf(3600);
        BigDecimal sum = Arrays.stream(sorted).mapToObj(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted[n / 2]).divide(hour, 2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(sorted[n / 2 - 1] + sorted[n / 2]).divide(hour.multiply(BigDecimal.valueOf(2)), 2,
                        RoundingMode.HALF_UP);
        long p90 = sorted[-Math.floorDiv(-9 * n, 10) - 1];   // rank ⌈9n/10⌉
        return new DashboardView.Durations(n, sum.divide(hour.multiply(BigDecimal.valueOf(n)), 2, RoundingMode.HALF_UP),
                median, BigDecimal.valueOf(p90).divide(hour, 2, RoundingMode.HALF_UP));
    }

    @Test
    void values_added_and_taken_back_in_any_order_give_the_statistics_of_what_is_left() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Tally tally = new Tally();
        List<Long> held = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            if (!held.isEmpty() && random.nextInt(3) == 0) {
                Long value = held.remove(random.nextInt(held.size()));
                assertThat(tally.remove(value)).isTrue();
            } else {
                // few distinct values, so equal ones meet; sometimes a value one second apart from a neighbour
                long value = random.nextInt(4) == 0 ? random.nextInt(50) * 1800L : random.nextInt(10_000_000);
                held.add(value);
                tally.add(value);
            }
            if (step % 97 == 0) {
                assertThat(tally.durations()).as("seed %d, step %d", seed, step).isEqualTo(naive(held));
            }
        }
        assertThat(tally.size()).isEqualTo(held.size());
        assertThat(tally.durations()).as("seed %d", seed).isEqualTo(naive(held));
    }

    @Test
    void a_value_it_does_not_hold_is_not_taken_back() {
        Tally tally = Tally.of(7200, 3600);
        assertThat(tally.remove(5)).isFalse();
        assertThat(tally.durations()).isEqualTo(new DashboardView.Durations(2, new BigDecimal("1.50"),
                new BigDecimal("1.50"), new BigDecimal("2.00")));
    }

    @Test
    void nothing_held_has_a_count_of_zero_and_no_statistics() {
        assertThat(Tally.of().durations()).isEqualTo(new DashboardView.Durations(0, null, null, null));
    }
}
