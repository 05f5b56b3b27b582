package io.wrench.api.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounded waits in tests: poll a condition until it holds, and fail saying what did not happen in time. */
public final class Waiting {

    private Waiting() {
    }

    /** Polls the condition every {@code poll} until it holds; fails once {@code bound} has passed. */
    public static void until(BooleanSupplier condition, Duration bound, Duration poll, String what) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + bound.toSeconds() + " s for " + what).isLessThan(deadline);
            pause(poll.toMillis());
        }
    }

    /** {@link Thread#sleep} for tests: an interrupt keeps its flag and fails the test. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
