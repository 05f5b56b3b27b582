package io.wrench.query.dashboard;

import io.wrench.query.dashboard.messages.DashboardView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Mean, median and p90 of durations, in hours with two decimals (half up). The median of an even
 * count is the mean of the two middle values; p90 is the nearest rank: the value at position
 * ⌈0.9 n⌉ of the sorted durations.
 */
final class Durations {

    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    private Durations() {
    }

    static DashboardView.Durations of(long[] seconds) {
        int n = seconds.length;
        if (n == 0) {
            return new DashboardView.Durations(0, null, null, null);
        }
        long[] sorted = seconds.clone();
        Arrays.sort(sorted);
        BigDecimal sum = BigDecimal.ZERO;
        for (long s : sorted) {
            sum = sum.add(BigDecimal.valueOf(s));
        }
        BigDecimal mean = sum.divide(HOUR.multiply(BigDecimal.valueOf(n)), 2, RoundingMode.HALF_UP);
        BigDecimal median = n % 2 == 1 ? hours(BigDecimal.valueOf(sorted[n / 2]))
                : BigDecimal.valueOf(sorted[n / 2 - 1]).add(BigDecimal.valueOf(sorted[n / 2]))
                        .divide(BigDecimal.valueOf(2 * 3600), 2, RoundingMode.HALF_UP);
        long p90 = sorted[(9 * n + 9) / 10 - 1];
        return new DashboardView.Durations(n, mean, median, hours(BigDecimal.valueOf(p90)));
    }

    private static BigDecimal hours(BigDecimal seconds) {
        return seconds.divide(HOUR, 2, RoundingMode.HALF_UP);
    }
}
