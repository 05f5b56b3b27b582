package io.wrench.api.cluster;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.api.web.Consistency;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.wrench.api.support.Percentiles.ms;
import static io.wrench.api.support.Percentiles.percentile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live projection latency (issue 10, docs/performance.md): while 8 writers register customers over HTTP,
 * how long from each command's answer until each projection has committed its event. Not a test:
 * Surefire does not pick it up by name; run it with {@code -Dtest=LiveLatencyBenchmark}.
 * <p>
 * A projection "has" an event when every segment's tracking token, as its processor reports it in this
 * instance ({@code processingStatus()}, moved on after each batch's commit), is past the event's position
 * and does not hold it as a gap; a poller looks every millisecond. Unlike {@code .ci/bench}'s visibility,
 * the time holds no read: it is the event's way from the store to the view. It reports numbers and
 * fails only if something does not work at all.
 */
class LiveLatencyBenchmark extends HttpTestSupport {

    @Autowired
    ProjectionAdmin admin;

    private record Snapshot(long nanos, Map<String, List<TrackingToken>> tokens) {
    }

    @Test
    void report() throws Exception {
        int writers = Integer.getInteger("bench.writers", 8);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 15));
        Duration timed = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        write(writers, warmup, new ConcurrentLinkedQueue<>());

        Map<String, StreamingEventProcessor> processors = new TreeMap<>(admin.processors());
        List<Snapshot> snapshots = new ArrayList<>();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Map<String, List<TrackingToken>> tokens = new TreeMap<>();
                processors.forEach((name, processor) -> tokens.put(name, processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getTrackingToken).toList()));
                snapshots.add(new Snapshot(System.nanoTime(), tokens));
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "latency-poller");
        ConcurrentLinkedQueue<long[]> written = new ConcurrentLinkedQueue<>();
        poller.start();
        int commands = write(writers, timed, written);
        Thread.sleep(3000);
        poller.interrupt();
        poller.join();

        System.out.printf("BENCH live latency: %d writers registering customers for %d s (%d commands, %.0f/s),"
                        + " command answered -> view committed, polled every 1 ms:%n", writers, timed.toSeconds(),
                commands, commands / (double) timed.toSeconds());
        for (String name : processors.keySet()) {
            List<Long> lags = new ArrayList<>();
            int missing = 0;
            for (long[] write : written) {
                long seen = firstCovering(snapshots, name, write[0]);
                if (seen < 0) {
                    missing++;
                } else {
                    lags.add(Math.max(0, seen - write[1]));
                }
            }
            System.out.printf("BENCH   %-32s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%s%n", name,
                    ms(percentile(lags, 50)), ms(percentile(lags, 99)), ms(percentile(lags, 100)),
                    missing == 0 ? "" : "  (" + missing + " not reached)");
        }
    }

    /** Writers register customers until {@code duration} is over; each answer's position and time are kept. */
    private int write(int writers, Duration duration, ConcurrentLinkedQueue<long[]> written) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long until = System.nanoTime() + duration.toNanos();
        AtomicInteger count = new AtomicInteger();
        String run = unique("live");
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                Api.Call advisor = api.as(Role.ADVISOR).unchecked();
                for (int i = 0; System.nanoTime() < until; i++) {
                    Api.Response created = advisor.post("/api/customers", Map.of("name", "Live " + i,
                            "email", run + "-" + writer + "-" + i + "@example.com"));
                    if (created.status() == 201) {
                        written.add(new long[]{Consistency.parse(created.consistencyToken()).position(), System.nanoTime()});
                        count.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
        assertThat(count.get()).as("commands answered").isPositive();
        return count.get();
    }

    /**
     * When the processor first had the event at {@code position} in every segment; -1 if never. Having it
     * does not end once it began (no reset runs meanwhile), so the first such snapshot is found by bisection.
     */
    private static long firstCovering(List<Snapshot> snapshots, String processor, long position) {
        int low = 0;
        int high = snapshots.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (covers(snapshots.get(middle), processor, position)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low < snapshots.size() ? snapshots.get(low).nanos() : -1;
    }

    private static boolean covers(Snapshot snapshot, String processor, long position) {
        List<TrackingToken> tokens = snapshot.tokens().get(processor);
        return tokens != null && !tokens.isEmpty() && tokens.stream().allMatch(token -> has(token, position));
    }

    private static boolean has(TrackingToken token, long position) {
        TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return lower != null && lower.position().orElse(-1L) >= position;
    }
}
