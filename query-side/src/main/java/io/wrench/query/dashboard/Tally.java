package io.wrench.query.dashboard;

import io.wrench.query.dashboard.messages.DashboardView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A multiset of durations in seconds, kept sorted in one primitive array (8 bytes a value), with their
 * sum: a value is added or taken back by binary search and one array move, and the median and p90 are
 * read by rank without sorting anything. {@link #durations()} is the one definition of the dashboard's
 * duration statistics: mean, median and p90 in hours with two decimals (half up); the median of an even
 * count is the mean of the two middle values; p90 is the nearest rank, the value at position
 * ⌈0.9 n⌉ of the sorted durations.
 */
final class Tally {

    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    private long[] values = new long[16];
    private int size;
    private long sum;

    static Tally of(long... seconds) {
        Tally tally = new Tally();
        tally.values = Arrays.copyOf(seconds, Math.max(16, seconds.length));
        Arrays.sort(tally.values, 0, seconds.length);
        tally.size = seconds.length;
        for (long s : seconds) {
            tally.sum += s;
        }
        return tally;
    }

    int size() {
        return size;
    }

    void add(long seconds) {
        int at = Arrays.binarySearch(values, 0, size, seconds);
        int index = at < 0 ? -at - 1 : at;
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 1);
        }
        System.arraycopy(values, index, values, index + 1, size - index);
        values[index] = seconds;
        size++;
        sum += seconds;
    }

    /** Takes one occurrence of the value back; false when the tally does not hold it. */
    boolean remove(long seconds) {
        int at = Arrays.binarySearch(values, 0, size, seconds);
        if (at < 0) {
            return false;
        }
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        sum -= seconds;
        return true;
    }

    DashboardView.Durations durations() {
        int n = size;
        if (n == 0) {
            return new DashboardView.Durations(0, null, null, null);
        }
        BigDecimal mean = BigDecimal.valueOf(sum).divide(HOUR.multiply(BigDecimal.valueOf(n)), 2, RoundingMode.HALF_UP);
        BigDecimal median = n % 2 == 1 ? hours(values[n / 2])
                : BigDecimal.valueOf(values[n / 2 - 1]).add(BigDecimal.valueOf(values[n / 2]))
                        .divide(BigDecimal.valueOf(2 * 3600), 2, RoundingMode.HALF_UP);
        long p90 = values[(9 * n + 9) / 10 - 1];
        return new DashboardView.Durations(n, mean, median, hours(p90));
    }

    private static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(HOUR, 2, RoundingMode.HALF_UP);
    }
}
