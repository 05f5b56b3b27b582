package io.wrench.api;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.cluster.RebuildCoordinator;
import io.wrench.api.cluster.TokenStoreView;
import io.wrench.api.cluster.ViewCopies;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.GatedCustomerProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart in the middle of a blue/green rebuild resumes it: the instance that started it stops while
 * its copy is held back at a known event ({@link GatedCustomerProjection}); the next instance on the same
 * database takes the rebuild over and carries on from the copy's stored token — it never again handles an
 * event the copy had already passed — and the view switched in equals the one from before.
 */
class BlueGreenRestartTest {

    private static final String VIEW = "customer-projection";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WrenchApplication.class).sources(GatedCustomerProjection.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("wrench") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--wrench.cluster.heartbeat-interval=300ms", "--wrench.cluster.node-timeout=2s",
                        "--wrench.cluster.rebuild-batch-size=20");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void a_restart_in_the_middle_of_a_rebuild_resumes_it_from_the_copy_s_token() throws InterruptedException {
        String gate = "Gate " + System.nanoTime();
        List<Map<String, Object>> before;
        long stoppedAt;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            for (int i = 0; i < 100; i++) {
                api.as(Role.ADVISOR).post("/api/customers", Map.of("name", "Early " + i, "email", "early" + i + "@example.com"));
            }
            String gated = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", gate, "email", "gate@example.com")).id();
            assertThat(gated).isNotNull();
            ProjectionAdmin admin = first.getBean(ProjectionAdmin.class);
            assertThat(admin.awaitCaughtUp(VIEW, Duration.ofSeconds(30))).isTrue();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            before = jdbc.queryForList("select * from customer_view order by id");

            GatedCustomerProjection.close(gate);
            assertThat(api.as(Role.ADMIN).post("/api/admin/projections/" + VIEW + "/rebuild", null).status()).isEqualTo(202);
            RebuildCoordinator rebuilds = first.getBean(RebuildCoordinator.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (storedCopyPosition(first) < 60 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stoppedAt = storedCopyPosition(first);
            assertThat(stoppedAt).as("the copy got part of the way (batches of 20), held before the gate")
                    .isGreaterThanOrEqualTo(60);
            assertThat(rebuilds.rebuilding(VIEW)).isTrue();
        }

        // from here on, every registration handled is the resumed copy's (the live view has nothing new)
        GatedCustomerProjection.watch();
        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            RebuildCoordinator rebuilds = second.getBean(RebuildCoordinator.class);
            String node = second.getBean(io.wrench.api.cluster.ClusterNodes.class).nodeId();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!rebuilds.request(VIEW).orElseThrow().nodeId().equals(node) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(rebuilds.request(VIEW).orElseThrow().nodeId()).as("taken over by the new instance").isEqualTo(node);
            // still held at the gate: let the resumed copy run into it again
            while (GatedCustomerProjection.lowestSeen() == Long.MAX_VALUE && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(GatedCustomerProjection.lowestSeen())
                    .as("the resumed copy starts after the position it had stored, not from the first event")
                    .isGreaterThan(stoppedAt);
            GatedCustomerProjection.open(gate);
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (rebuilds.rebuilding(VIEW) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(rebuilds.rebuilding(VIEW)).as("switched").isFalse();
            assertThat(jdbc.queryForList("select * from customer_view order by id")).isEqualTo(before);
        } finally {
            GatedCustomerProjection.open(gate);
        }
    }

    private static long storedCopyPosition(ConfigurableApplicationContext context) {
        return context.getBean(TokenStoreView.class).segments(ViewCopies.copyName(VIEW)).stream()
                .mapToLong(TokenStoreView.StoredSegment::position).min().orElse(-1);
    }
}
