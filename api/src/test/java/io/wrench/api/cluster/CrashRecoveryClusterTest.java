package io.wrench.api.cluster;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash is {@code kill -9}, not a clean stop: Wrench runs as a separate JVM under write load, is
 * killed with SIGKILL mid-write three times, and restarted. Then nothing acknowledged is lost, and
 * every view equals a from-scratch replay of the event store.
 */
class CrashRecoveryClusterTest {

    private static final int CRASHES = 3;
    private static final Duration LOAD = Duration.ofSeconds(6);
    private static final int WRITERS = 6;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void after_repeated_kill_9_under_write_load_every_view_equals_a_replay() throws Exception {
        ClusterInstances.emptyDatabase();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> items = new ArrayList<>();
        for (int crash = 0; crash < CRASHES; crash++) {
            int port = freePort();
            Process instance = launch("crash-" + crash, port);
            try {
                Api api = new Api(port);
                awaitReady(api, instance);
                if (items.isEmpty()) {
                    for (int i = 0; i < 3; i++) {
                        items.add(api.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of("sku", "CR-" + RUN + "-" + i,
                                "name", "Crash part " + i, "unit", "pcs", "reorderLevel", 1,
                                "unitCost", new BigDecimal("1.00"))).id());
                    }
                }
                writeUntilKilled(api, instance, items, acknowledged);
            } finally {
                instance.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.out.println("[cluster] acknowledged creates over " + CRASHES + " crashes: " + acknowledged.size());
        assertThat(acknowledged).as("the load really ran").isNotEmpty();

        try (ConfigurableApplicationContext restarted = ClusterInstances.start("after-crashes")) {
            Api api = ClusterInstances.api(restarted);
            ProjectionAdmin admin = restarted.getBean(ProjectionAdmin.class);
            List<String> views = List.of("customer-projection", "stock-item-projection", "stock-movement-projection",
                    "work-order-projection");
            for (String view : views) {
                assertThat(admin.awaitCaughtUp(view, Duration.ofSeconds(120))).as(view + " caught up").isTrue();
            }
            for (String id : acknowledged) {
                assertThat(api.as(Role.ADVISOR).get("/api/customers/" + id).status())
                        .as("acknowledged customer " + id).isEqualTo(200);
            }
            if (!ClusterInstances.onAxonServer()) {
                Long stored = restarted.getBean(JdbcTemplate.class).queryForObject(
                        "select count(*) from domain_event_entry where payload_type like '%CustomerRegistered'", Long.class);
                assertThat(api.as(Role.ADVISOR).get("/api/customers?size=1").json().get("totalItems").asLong())
                        .as("the customer view holds every stored customer").isEqualTo(stored);
            }

            Map<String, String> before = snapshot(api, items);
            Rebuilds.rebuildAndWait(admin, views.toArray(String[]::new));
            assertThat(snapshot(api, items)).as("every view equals a from-scratch replay").isEqualTo(before);
        }
    }

    /** Six writers (five registering customers, one receiving stock) until the instance is killed mid-write. */
    private static void writeUntilKilled(Api api, Process instance, List<String> items, List<String> acknowledged)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        if (writer == WRITERS - 1) {
                            api.as(Role.STOREKEEPER).post("/api/inventory/items/" + items.get(n % items.size()) + "/receipts",
                                    Map.of("quantity", 1, "unitCost", new BigDecimal("1.50")));
                        } else {
                            Api.Response created = api.as(Role.ADVISOR).post("/api/customers", Map.of(
                                    "name", "Crash " + RUN + " " + writer + "-" + n,
                                    "email", "crash-" + RUN + "-" + writer + "-" + n + "-" + UUID.randomUUID() + "@example.com"));
                            if (created.status() == 201) {
                                acknowledged.add(created.id());
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        // the instance was killed under this request: it was never acknowledged
                    }
                    n++;
                }
            });
        }
        Thread.sleep(LOAD.toMillis());
        instance.destroyForcibly();  // SIGKILL while the writers are still sending
        instance.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        writers.shutdown();
        writers.awaitTermination(60, TimeUnit.SECONDS);
    }

    private static Map<String, String> snapshot(Api api, List<String> items) {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("customers", api.as(Role.ADVISOR).get("/api/customers?size=200&sort=name,asc&search=" + RUN).body()
                + api.as(Role.ADVISOR).get("/api/customers?size=1").json().get("totalItems"));
        views.put("items", api.as(Role.STOREKEEPER).get("/api/inventory/items?size=200&sort=sku,asc").body());
        for (String item : items) {
            views.put("movements " + item, api.as(Role.STOREKEEPER).get("/api/inventory/items/" + item + "/movements?size=200").body());
        }
        return views;
    }

    private static Process launch(String nodeId, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Ddisable-axoniq-console-message=true",
                "-cp", System.getProperty("java.class.path"), "io.wrench.api.WrenchApplication"));
        command.addAll(ClusterInstances.arguments(nodeId, port));
        Path logs = Path.of("target", "cluster-logs");
        Files.createDirectories(logs);
        File log = logs.resolve(nodeId + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitReady(Api api, Process instance) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(instance.isAlive()).as("the instance is starting (see target/cluster-logs)").isTrue();
            try {
                if (api.anonymous().get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the instance did not become ready within 180 s (see target/cluster-logs)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
