package io.wrench.api.cluster;

import io.wrench.api.WrenchApplication;
import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token store written before the one-segment rule (the customer view on four segments, and a view
 * that may have missed events) is migrated at start-up: one segment, and the view replayed in full.
 */
class SegmentMigrationTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WrenchApplication.class).profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("wrench") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void a_sequential_view_found_on_several_segments_is_moved_to_one_and_replayed() throws InterruptedException {
        String id;
        try (ConfigurableApplicationContext before = start()) {
            Api api = ClusterInstances.api(before);
            id = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", "Old Store", "email", "old@example.com")).id();
            assertThat(before.getBean(ProjectionAdmin.class).awaitCaughtUp("customer-projection", Duration.ofSeconds(30))).isTrue();
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            before.getBean(ProjectionAdmin.class).processor("customer-projection").orElseThrow().shutDown();
            // what an older version left: four segments, and a row the sequential segment never wrote
            for (int segment = 1; segment < 4; segment++) {
                jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp, owner) "
                        + "select processor_name, ?, token, token_type, timestamp, null from token_entry "
                        + "where processor_name = 'customer-projection' and segment = 0", segment);
            }
            jdbc.update("delete from customer_view where id = ?", java.util.UUID.fromString(id));
        }
        try (ConfigurableApplicationContext after = start()) {
            ProjectionAdmin admin = after.getBean(ProjectionAdmin.class);
            assertThat(after.getBean(TokenStoreView.class).segmentCounts()).containsEntry("customer-projection", 1);
            assertThat(admin.awaitCaughtUp("customer-projection", Duration.ofSeconds(30))).isTrue();
            assertThat(ClusterInstances.api(after).as(Role.ADVISOR).get("/api/customers/" + id).status())
                    .as("the view was replayed from the first event").isEqualTo(200);
        }
    }
}
