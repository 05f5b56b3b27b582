package io.wrench.api.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuild speed (docs/performance.md, "Rebuilds"). Not a test: Surefire does not pick it up by name; run
 * it on PostgreSQL with {@code surefire:test@http-tests-on-postgresql -Dtest=RebuildBenchmark
 * -Dbench.workOrders=2000}. It stores a generated shop history straight into the event store, waits
 * until every projection has caught up, then rebuilds {@code customer-projection} and
 * {@code stock-item-projection} one after the other and prints the events read per second by each
 * replay (every event of the store passes through the processor; each view handles its own types),
 * next to a pgbench run in the same database: single-row inserts, one client, autocommit.
 */
class RebuildBenchmark extends GeneratedHistorySupport {

    private static final List<String> VIEWS = List.of("customer-projection", "stock-item-projection");

    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void report() throws Exception {
        int workOrders = Integer.getInteger("bench.workOrders", 2000);
        long loadStart = System.nanoTime();
        int stored = store(7, workOrders, Math.max(12, workOrders / 20), 500).size();
        for (String processor : admin.processors().keySet()) {
            if (admin.processor(processor).orElseThrow().supportsReset()) {
                assertThat(admin.awaitCaughtUp(processor, Duration.ofMinutes(60))).as(processor).isTrue();
            }
        }
        long head = admin.head();
        System.out.printf("BENCH rebuild: %d work orders, %d events stored (head %d), loaded and projected in %d s%n",
                workOrders, stored, head, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loadStart));
        for (String view : VIEWS) {
            long start = System.nanoTime();
            admin.rebuild(view, "benchmark");
            assertThat(admin.awaitCaughtUp(view, Duration.ofMinutes(60))).as(view).isTrue();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH rebuild %s: %d events in %.1f s = %.0f events/s%n", view, head, seconds,
                    head / seconds);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            System.out.printf("BENCH pgbench (same database, 1 client, single-row inserts, 10 s): %s%n", pgbench());
        }
    }

    /** pgbench's tps for one-row autocommit inserts into a scratch table, or why it could not run. */
    private String pgbench() throws IOException, InterruptedException {
        jdbc.execute("create table if not exists bench_insert (id bigint, payload varchar(200))");
        Path script = Files.createTempFile("pgbench-insert", ".sql");
        Files.writeString(script, "\\set id random(1, 1000000000)\n"
                + "insert into bench_insert (id, payload) values (:id, repeat('x', 100));\n");
        Matcher at = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        if (!at.find()) {
            return "not run: cannot read " + url;
        }
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-c", "1", "-T", "10", "-f", script.toString(),
                "-h", at.group(1), "-p", at.group(2) == null ? "5432" : at.group(2), "-U", "wrench", at.group(3))
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", System.getenv().getOrDefault("WRENCH_TEST_DB_PASSWORD", "wrench"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        jdbc.execute("drop table bench_insert");
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        return tps.find() ? tps.group(1) + " inserts/s" : "no tps in: " + out;
    }
}
