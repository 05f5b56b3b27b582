package io.wrench.api.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockReceived;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit trail's limits (issue 8), measured, never asserted: export rate and heap over EVENTS stored
 * events (default 1,000,000), audit search p99 at that size, and the per-event cost of the hash chain.
 * Run by {@code .ci/bench-audit}; DB_URL picks the database (an H2 file by default; it is cleaned).
 */
public final class AuditBenchmark {

    private static final String[] TYPES = {"io.wrench.shared.inventory.StockReceived",
            "io.wrench.shared.inventory.StockReserved", "io.wrench.shared.workorder.LabourLineAdded",
            "io.wrench.shared.customer.CustomerContactDetailsUpdated", "io.wrench.shared.workorder.WorkStarted"};

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(System.getenv().getOrDefault("EVENTS", "1000000"));
        int aggregates = Integer.parseInt(System.getenv().getOrDefault("AGGREGATES", "10000"));
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:h2:file:/tmp/wrench-audit-bench/db");
        String user = System.getenv().getOrDefault("DB_USER", url.contains("postgresql") ? "wrench" : "sa");
        String password = System.getenv().getOrDefault("DB_PASSWORD", url.contains("postgresql") ? "wrench" : "");
        boolean postgres = url.contains("postgresql");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true);
        Flyway.configure().dataSource(dataSource).cleanDisabled(false)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "h2"))
                .placeholders(Map.of("binary_type", postgres ? "bytea" : "blob")).load().clean();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "h2"))
                .placeholders(Map.of("binary_type", postgres ? "bytea" : "blob")).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        System.out.printf("# audit benchmark: %,d events over %,d aggregates on %s, %d cores, max heap %d MB%n",
                events, aggregates, postgres ? "PostgreSQL" : "H2 (file)", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        chainCost();
        long[] hashNanos = new long[1];
        long start = System.nanoTime();
        write(jdbc, events, aggregates, hashNanos);
        System.out.printf("stored %,d events in %.1f s (setup; hashing took %.2f us/event of it)%n", events,
                (System.nanoTime() - start) / 1e9, hashNanos[0] / 1e3 / events);
        if (postgres) {
            jdbc.execute("analyze");
        }
        export(jdbc, dataSource);
        search(jdbc, events, aggregates);
        if (postgres) {
            // autovacuum does this to an insert-only table in production; it lets the window's positions
            // be read from the index alone (the visibility map), which a freshly loaded table cannot
            long t = System.nanoTime();
            jdbc.execute("vacuum analyze audit_event");
            System.out.printf("after vacuum analyze of audit_event (%.1f s):%n", (System.nanoTime() - t) / 1e9);
            search(jdbc, events, aggregates);
        }
    }

    /** The whole per-event cost the hash chain adds to a command: serialize, canonicalize, hash. */
    private static void chainCost() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new com.fasterxml.jackson.databind.ObjectMapper()
                        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())).build();
        HashChain chain = new HashChain(null, serializer);
        Map<String, Object> metadata = metadata(new Random(1), 0);
        int rounds = 200_000;
        long nanos = 0;
        for (int i = 0; i < rounds * 2; i++) {
            EventMessage<?> event = new GenericDomainEventMessage<>("StockItem", UUID.randomUUID().toString(), 0,
                    new StockReceived(new StockItemId(UUID.randomUUID()), new BigDecimal("12"), new BigDecimal("8.50"),
                            "ACME Parts", "PO-" + i, new BigDecimal("8.4215")), metadata);
            long t = System.nanoTime();
            chain.handle(List.of(event)).apply(0, event);
            if (i >= rounds) {
                nanos += System.nanoTime() - t;
            }
        }
        System.out.printf("hash chain per event (serialize + RFC 8785 + SHA-256): %.1f us%n", nanos / 1e3 / rounds);
    }

    private static Map<String, Object> metadata(Random random, long i) {
        Map<String, Object> metadata = new HashMap<>();
        String user = "user-" + random.nextInt(50);
        metadata.put("userId", user);
        metadata.put("userName", user + ".name");
        metadata.put("clientId", "front-desk");
        metadata.put("roles", "ADVISOR");
        metadata.put("requestId", "req-" + i);
        metadata.put("correlationId", UUID.randomUUID().toString());
        metadata.put("causationId", metadata.get("correlationId"));
        metadata.put("traceId", UUID.randomUUID().toString());
        return metadata;
    }

    private static void write(JdbcTemplate jdbc, int events, int aggregates, long[] hashNanos) {
        Random random = new Random(42);
        String[] ids = new String[aggregates];
        long[] sequence = new long[aggregates];
        String[] last = new String[aggregates];
        for (int a = 0; a < aggregates; a++) {
            ids[a] = UUID.randomUUID().toString();
        }
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> store = new ArrayList<>();
        List<Object[]> index = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            int a = random.nextInt(aggregates);
            String type = TYPES[random.nextInt(TYPES.length)];
            String eventId = UUID.randomUUID().toString();
            byte[] payload = ("{\"itemId\":\"" + ids[a] + "\",\"quantity\":" + random.nextInt(100) + ".00,\"unitCost\":8.50,"
                    + "\"supplier\":\"ACME Parts\",\"reference\":\"PO-" + i + "\",\"averageUnitCost\":8.4215}")
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, Object> metadata = metadata(random, i);
            Instant time = at.plusMillis(i * 10L);
            long t = System.nanoTime();
            String hash = EventHash.of(new EventHash.Input("StockItem", ids[a], sequence[a], eventId, type, "1",
                    time.toEpochMilli(), payload, metadata), last[a]);
            hashNanos[0] += System.nanoTime() - t;
            metadata.put(EventHash.METADATA_KEY, hash);
            String metadataJson = EventHash.text(EventHash.JSON.valueToTree(metadata));
            store.add(new Object[]{i, ids[a], sequence[a], "StockItem", eventId, metadataJson.getBytes(StandardCharsets.UTF_8),
                    payload, "1", type, org.axonframework.common.DateTimeUtils.formatInstant(time)});
            index.add(new Object[]{i, eventId, "StockItem", ids[a], sequence[a], type, "1",
                    java.time.OffsetDateTime.ofInstant(time, java.time.ZoneOffset.UTC), metadata.get("userId"),
                    metadata.get("userName"), "front-desk", metadata.get("requestId"), metadata.get("correlationId"),
                    metadata.get("traceId"), metadataJson, hash, (long) i});
            sequence[a]++;
            last[a] = hash;
            if (store.size() == 2000 || i == events - 1) {
                jdbc.batchUpdate("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", store);
                jdbc.batchUpdate("insert into audit_event (position, event_id, aggregate_type, aggregate_id, sequence_number, "
                        + "event_type, revision, occurred_at, user_id, user_name, client_id, request_id, correlation_id, "
                        + "trace_id, metadata, hash, leaf_index) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", index);
                store.clear();
                index.clear();
            }
        }
    }

    private static void export(JdbcTemplate jdbc, javax.sql.DataSource dataSource) {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        OutputStream discard = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        StoreReader reader = new StoreReader(jdbc, new DataSourceTransactionManager(dataSource));
        long start = System.nanoTime();
        try (EventLines out = new EventLines(new java.io.BufferedOutputStream(discard, 1 << 16))) {
            reader.matching(AuditFilter.NONE, event -> {
                out.write(event);
                lines.incrementAndGet();
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        System.out.printf("export: %,d events, %,d MB of NDJSON in %.1f s = %,.0f events/s; peak heap used %d MB%n",
                lines.get(), bytes.get() / (1024 * 1024), seconds, lines.get() / seconds, peak.get() / (1024 * 1024));
    }

    private static void search(JdbcTemplate jdbc, int events, int aggregates) {
        List<String> aggregateIds = jdbc.queryForList("select aggregate_id from audit_event where position % 97 = 0",
                String.class);
        Random random = new Random(7);
        String[] kinds = {"aggregate", "user+cursor", "type+cursor", "request", "window+aggregate type", "window+type",
                "window+type+aggregate type", "window+user", "window"};
        int queries = 250 * kinds.length;
        long[] millis = new long[queries];
        long[][] byKind = new long[kinds.length][queries / kinds.length];
        for (int round = -200; round < queries; round++) {
            AuditFilter filter;
            long after = -1;
            int kind = Math.floorMod(round, kinds.length);
            Instant from = Instant.parse("2026-01-01T00:00:00Z").plusMillis(random.nextInt(events) * 10L);
            Instant to = from.plusSeconds(60);
            String type = TYPES[random.nextInt(TYPES.length)];
            String user = "user-" + random.nextInt(50);
            switch (kind) {
                case 0 -> filter = new AuditFilter(aggregateIds.get(random.nextInt(aggregateIds.size())), null, null, null,
                        null, null, null, null);
                case 1 -> {
                    filter = new AuditFilter(null, null, null, user, null, null, null, null);
                    after = random.nextInt(events);
                }
                case 2 -> {
                    filter = new AuditFilter(null, null, type, null, null, null, null, null);
                    after = random.nextInt(events);
                }
                case 3 -> filter = new AuditFilter(null, null, null, null, "req-" + random.nextInt(events), null, null, null);
                case 4 -> filter = new AuditFilter(null, "StockItem", null, null, null, null, from, to);
                case 5 -> filter = new AuditFilter(null, null, type, null, null, null, from, to);
                case 6 -> filter = new AuditFilter(null, "StockItem", type, null, null, null, from, to);
                case 7 -> filter = new AuditFilter(null, null, null, user, null, null, from, to);
                default -> filter = new AuditFilter(null, null, null, null, null, null, from, to);
            }
            long t = System.nanoTime();
            AuditController.page(jdbc, filter, after, 100);
            if (round >= 0) {
                millis[round] = System.nanoTime() - t;
                byKind[kind][round / kinds.length] = millis[round];
            }
        }
        for (int k = 0; k < kinds.length; k++) {
            Arrays.sort(byKind[k]);
            System.out.printf("  %-26s p50 %.2f ms, p99 %.2f ms%n", kinds[k], byKind[k][byKind[k].length / 2] / 1e6,
                    byKind[k][byKind[k].length * 99 / 100] / 1e6);
        }
        Arrays.sort(millis);
        System.out.printf("audit search (%d queries, %d kinds, 60 s windows, limit 100): "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", queries, kinds.length, millis[queries / 2] / 1e6,
                millis[queries * 99 / 100] / 1e6, millis[queries - 1] / 1e6);
    }
}
