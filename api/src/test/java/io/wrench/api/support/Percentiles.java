package io.wrench.api.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the benchmarks report of their timings (nanoseconds): nearest-rank percentiles, in milliseconds. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank {@code p}th percentile (100: the maximum); 0 for no values. */
    public static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    public static double ms(long nanos) {
        return nanos / 1e6;
    }
}
