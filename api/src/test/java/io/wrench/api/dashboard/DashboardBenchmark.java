package io.wrench.api.dashboard;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.axonframework.eventhandling.DomainEventMessage;
import io.wrench.query.dashboard.messages.DashboardViews;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.wrench.api.support.Percentiles.ms;
import static io.wrench.api.support.Percentiles.percentile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboard speed (docs/performance.md). Not a test: Surefire does not pick it up by name; run it with
 * {@code -Dtest=DashboardBenchmark -Dbench.workOrders=5000}. It loads a generated history straight
 * into the event store, waits for every projection, then reports {@code GET /api/dashboard} latency
 * percentiles and how long a change takes to reach a stream subscriber while 8 writers open work
 * orders. It reports numbers and fails only if something does not work at all.
 */
class DashboardBenchmark extends GeneratedHistorySupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;


    @Test
    void report() throws Exception {
        int workOrders = Integer.getInteger("bench.workOrders", 5000);
        // -Dbench.onlyDashboard=true: the other processors are stopped for the whole run, so a large history
        // (100,000 work orders) loads in minutes; the stream part then runs without them (optimistic)
        boolean onlyDashboard = Boolean.getBoolean("bench.onlyDashboard");
        if (onlyDashboard) {
            for (var processor : admin.processors().entrySet()) {
                if (!processor.getKey().equals(DashboardViews.PROCESSOR)) {
                    processor.getValue().shutDown();
                }
            }
        }
        long loadStart = System.nanoTime();
        int stored = store(42, workOrders, Math.max(12, workOrders / 100), 500).size();
        for (String processor : admin.processors().keySet()) {
            if (admin.processor(processor).orElseThrow().supportsReset()
                    && (!onlyDashboard || processor.equals(DashboardViews.PROCESSOR))) {
                assertThat(admin.awaitCaughtUp(processor, Duration.ofMinutes(60))).as(processor).isTrue();
            }
        }
        System.out.printf("BENCH dashboard: %d work orders, %d events loaded and projected in %d s%n", workOrders,
                stored, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loadStart));

        // the first reads are checked against the OpenAPI document like every test's; the timed ones are not:
        // that check (JSON schema validation of the document, in this JVM) is the client's cost, not the server's
        Api.Call checkedAnalyst = api.as(Role.ANALYST);
        for (int i = 0; i < 20; i++) {
            assertThat(checkedAnalyst.get("/api/dashboard").status()).isEqualTo(200);
        }
        // then a warm-up as a benchmark harness does it (JMH's default is seconds of iterations): until the JIT
        // has compiled the request path, a read costs several times what it costs a server that has been up
        Api.Call analyst = api.as(Role.ANALYST).unchecked();
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 20);
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        int warmups = 0;
        int bytes = 0;
        while (System.nanoTime() < warmupEnd) {
            Api.Response warm = analyst.get("/api/dashboard");
            assertThat(warm.status()).isEqualTo(200);
            bytes = warm.bytes().length;
            warmups++;
        }
        int timed = Integer.getInteger("bench.reads", 1000);
        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < timed; i++) {
            long start = System.nanoTime();
            assertThat(analyst.get("/api/dashboard").status()).isEqualTo(200);
            reads.add(System.nanoTime() - start);
        }
        System.out.printf("BENCH GET /api/dashboard (%d sequential, after %d warm-up reads in %d s; document %,d bytes):"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", timed, warmups, warmupSeconds, bytes,
                ms(percentile(reads, 50)), ms(percentile(reads, 99)), ms(percentile(reads, 100)));

        String customer = newCustomer(unique("Bench"));

        // a stay that ends (here: approving a new work order) changes time in status, the figures over the
        // whole history: the first read after it is what a live shop's dashboard mostly pays
        Api.Call front = api.as(Role.ADVISOR);
        List<Long> afterChange = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Api.Response opened = front.post("/api/work-orders", Map.of("customerId", customer, "description", "Bench"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            Api.Response approved = front.post("/api/work-orders/" + opened.json().get("id").asString() + "/approve", null);
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(admin.awaitCaughtUp(DashboardViews.PROCESSOR, Duration.ofSeconds(30))).isTrue();
            long start = System.nanoTime();
            assertThat(analyst.get("/api/dashboard").status()).isEqualTo(200);
            afterChange.add(System.nanoTime() - start);
        }
        System.out.printf("BENCH GET /api/dashboard right after a stay ended (100 times): p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms%n", ms(percentile(afterChange, 50)), ms(percentile(afterChange, 99)),
                ms(percentile(afterChange, 100)));
        Map<Long, Long> received = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> written = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> projected = new ConcurrentLinkedQueue<>();
        try (SseClient stream = SseClient.connect(port, "/api/dashboard/stream",
                Map.of("Authorization", "Bearer " + api.token(Role.MANAGER)))) {
            stream.next(Duration.ofSeconds(10));
            Thread listener = new Thread(() -> {
                try {
                    for (SseClient.Event e = stream.next(Duration.ofSeconds(10)); e != null && e != SseClient.END;
                         e = stream.next(Duration.ofSeconds(10))) {
                        received.put(Long.parseLong(e.id()), e.receivedNanos());
                    }
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            listener.start();
            // the projection's side of it: when dashboard_state.position first covered each position (polled)
            Thread poller = new Thread(() -> {
                long last = -1;
                while (!Thread.currentThread().isInterrupted()) {
                    Long now = jdbc.queryForObject("select position from dashboard_state where id = 1", Long.class);
                    if (now != null && now > last) {
                        projected.add(new long[]{now, System.nanoTime()});
                        last = now;
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            poller.start();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int w = 0; w < 8; w++) {
                writers.submit(() -> {
                    Api.Call advisor = api.as(Role.ADVISOR);
                    while (System.nanoTime() < until) {
                        Api.Response opened = advisor.post("/api/work-orders", Map.of("customerId", customer,
                                "description", "Bench"));
                        if (opened.status() == 201) {
                            written.add(new long[]{io.wrench.api.web.Consistency.parse(opened.consistencyToken()).position(), System.nanoTime()});
                        }
                    }
                });
            }
            writers.shutdown();
            writers.awaitTermination(60, TimeUnit.SECONDS);
            Thread.sleep(3000);
            listener.interrupt();
            poller.interrupt();
        }
        List<Long> lags = new ArrayList<>();
        List<long[]> positions = new ArrayList<>(projected);
        for (long[] write : written) {
            positions.stream().filter(p -> p[0] >= write[0]).mapToLong(p -> p[1]).min()
                    .ifPresent(at -> lags.add(Math.max(0, at - write[1])));
        }
        System.out.printf("BENCH stream, change to projected (dashboard_state.position polled every 5 ms): p50 %.0f ms,"
                + " p99 %.0f ms, max %.0f ms%n", ms(percentile(lags, 50)), ms(percentile(lags, 99)), ms(percentile(lags, 100)));
        List<Long> latencies = new ArrayList<>();
        List<Map.Entry<Long, Long>> pushes = new ArrayList<>(received.entrySet());
        pushes.sort(Map.Entry.comparingByKey());
        int missing = 0;
        for (long[] write : written) {
            Long seen = pushes.stream().filter(p -> p.getKey() >= write[0]).map(Map.Entry::getValue).min(Long::compare)
                    .orElse(null);
            if (seen == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, seen - write[1]));
            }
        }
        System.out.printf("BENCH stream under 8 writers: %d changes, %d pushes, change to subscriber p50 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms, %d not seen%n", written.size(), pushes.size(),
                ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(percentile(latencies, 100)), missing);
    }
}
