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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuild speed (docs/performance.md, "Rebuilds"). Not a test: Surefire does not pick it up by name; run
 * it on PostgreSQL with {@code surefire:test@http-tests-on-postgresql -Dtest=RebuildBenchmark
 * -Dbench.workOrders=2000}. It stores a generated shop history straight into the event store, waits
 * until the two views measured have caught up (the other processors are stopped), then rebuilds
 * {@code customer-projection} and {@code stock-item-projection} one after the other, blue/green as the
 * endpoint does, while two readers list the view and read a detail, and prints the events per second of
 * each rebuild from the request to the switch (every event of the store passes through the copy's
 * processor; each view handles its own types); it fails when a read failed or listed fewer rows than
 * before, or when the switched-in tables differ from the ones built live,
 * next to a pgbench run in the same database: single-row inserts, one client, autocommit.
 */
class RebuildBenchmark extends GeneratedHistorySupport {

    private static final List<String> VIEWS = List.of("customer-projection", "stock-item-projection");

    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;

    /** Per view: the list and detail the readers hammer during its rebuild, and the tables compared after it. */
    private record View(String name, String list, String detailQuery, List<String> tables) {
    }

    private static final List<View> CHECKED = List.of(
            new View("customer-projection", "/api/customers?size=1", "select id from customer_view order by id",
                    List.of("customer_view", "customer_asset_view", "customer_work_order_view",
                            "customer_work_order_line_view")),
            new View("stock-item-projection", "/api/inventory/items?size=1", "select id from stock_item_view order by id",
                    List.of("stock_item_view")));

    @Test
    void report() throws Exception {
        int workOrders = Integer.getInteger("bench.workOrders", 2000);
        // only the views measured follow the load: the others (audit ledger, dashboard, ...) would take most of it
        for (var processor : admin.processors().entrySet()) {
            if (!VIEWS.contains(processor.getKey())) {
                processor.getValue().shutDown();
            }
        }
        // the generated history registers no customers: one from the API gives the readers a detail to read
        newCustomer("Bench Reader");
        long loadStart = System.nanoTime();
        int stored = store(7, workOrders, Math.max(12, workOrders / 20), 500).size();
        for (String view : VIEWS) {
            assertThat(admin.awaitCaughtUp(view, Duration.ofMinutes(60))).as(view).isTrue();
        }
        long head = admin.head();
        System.out.printf("BENCH rebuild: %d work orders, %d events stored (head %d), loaded and projected in %d s%n",
                workOrders, stored, head, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loadStart));
        for (View view : CHECKED) {
            Map<String, List<Map<String, Object>>> before = rows(view.tables());
            long rowsBefore = before.get(view.tables().get(0)).size();
            String detail = view.list().substring(0, view.list().indexOf('?')) + "/"
                    + jdbc.queryForList(view.detailQuery(), Object.class).get(0);
            long start = System.nanoTime();
            long switchedAt;
            ConcurrentReaders readers = new ConcurrentReaders(port, 2, view.list(), detail, rowsBefore);
            try {
                admin.rebuild(view.name(), "benchmark");
                assertThat(admin.awaitCaughtUp(view.name(), Duration.ofMinutes(60))).as(view.name()).isTrue();
                switchedAt = admin.lastRebuild(view.name()).orElseThrow().switchedAt();
            } finally {
                readers.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH rebuild %s: %d events in %.1f s = %.0f events/s (blue/green: copy built, "
                            + "switched %d ms after the request); %d list+detail reads meanwhile, %d bad%n",
                    view.name(), head, seconds, head / seconds,
                    switchedAt - admin.lastRebuild(view.name()).orElseThrow().requestedAt(), readers.reads(),
                    readers.bad().size());
            assertThat(readers.bad()).as("reads that failed or saw fewer rows during the rebuild").isEmpty();
            assertThat(rows(view.tables())).as("the switched-in copy equals the view built live").isEqualTo(before);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            System.out.printf("BENCH pgbench (same database, 1 client, single-row inserts, 10 s): %s%n", pgbench());
        }
    }

    private Map<String, List<Map<String, Object>>> rows(List<String> tables) {
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.queryForList("select * from " + table + " order by id"));
        }
        return rows;
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
