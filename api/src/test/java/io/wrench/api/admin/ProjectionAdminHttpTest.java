package io.wrench.api.admin;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import io.wrench.shared.ViewTables;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionAdminHttpTest extends HttpTestSupport {

    @Autowired
    ProjectionAdmin admin;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<ViewTables> viewTables;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void processors_are_listed_with_position_and_lag() {
        newCustomer("Admin View");
        Api.Response list = api.as(Role.ANALYST).get("/api/admin/projections");
        assertThat(list.status()).isEqualTo(200);
        JsonNode customer = null;
        for (JsonNode node : list.json()) {
            if (node.get("name").asString().equals("customer-projection")) {
                customer = node;
            }
        }
        assertThat(customer).isNotNull();
        assertThat(customer.get("running").asBoolean()).isTrue();
        assertThat(customer.get("head").asLong()).isGreaterThanOrEqualTo(customer.get("position").asLong());
    }

    @Test
    void a_rebuild_is_accepted_and_catches_up_while_the_api_answers() throws InterruptedException {
        String id = newCustomer("Rebuilt By Admin");
        Api.Response rebuild = api.as(Role.ADMIN).post("/api/admin/projections/customer-projection/rebuild", null);
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(api.as(Role.ADVISOR).get("/api/customers?size=1").status()).isEqualTo(200);
        assertThat(admin.awaitCaughtUp("customer-projection", Duration.ofSeconds(60))).isTrue();
        assertThat(api.as(Role.ADVISOR).get("/api/customers/" + id).status()).isEqualTo(200);
    }

    @Test
    void only_admins_and_analysts_operate_projections() {
        assertThat(api.as(Role.MANAGER).get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(api.as(Role.AUDITOR).post("/api/admin/projections/customer-projection/rebuild", null).status())
                .isEqualTo(403);
        assertThat(api.as(Role.ADMIN).post("/api/admin/projections/nonsense/rebuild", null).status()).isEqualTo(404);
    }

    @Test
    void the_parts_process_cannot_be_replayed() {
        Api.Response refused = api.as(Role.ADMIN).post("/api/admin/projections/PartsProcessProcessor/rebuild", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("saga");
    }

    @Test
    void a_rebuild_while_another_instance_builds_a_copy_is_409_and_the_live_view_keeps_running() {
        long now = System.currentTimeMillis();
        // another instance building a copy of the movements, its request updated just now (so not taken over)
        jdbc.update("insert into projection_rebuild (processor_name, state, node_id, requested_by, requested_at, "
                + "head_at_reset, updated_at) values ('stock-movement-projection', 'BUILDING', 'another-instance', "
                + "'analyst-client', ?, 0, ?)", now, now);
        try {
            Api.Response refused = api.as(Role.ADMIN).post("/api/admin/projections/stock-movement-projection/rebuild", null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("analyst-client").contains("building");
            JsonNode status = api.as(Role.ANALYST).get("/api/admin/projections/stock-movement-projection").json();
            assertThat(status.get("state").asString()).isEqualTo("REBUILDING");
            assertThat(status.get("lastRebuild").get("instance").asString()).isEqualTo("another-instance");
            assertThat(status.get("lastRebuild").get("requestedBy").asString()).isEqualTo("analyst-client");
            assertThat(admin.processor("stock-movement-projection").orElseThrow().isRunning())
                    .as("the live view keeps following events while a copy is built").isTrue();
        } finally {
            jdbc.update("delete from projection_rebuild where processor_name = 'stock-movement-projection'");
        }
    }

    @Test
    void every_projection_that_can_be_replayed_can_be_rebuilt_beside_itself_and_names_all_its_tables() {
        admin.processors().forEach((name, processor) -> {
            if (processor.supportsReset()) {
                assertThat(admin.rebuildable(name)).as(name + " declares its tables (ViewTables)").isTrue();
            }
        });
        List<String> declared = viewTables.stream().flatMap(t -> t.tables().stream()).toList();
        assertThat(declared).as("a table belongs to one projection").doesNotHaveDuplicates();
        List<String> queryTables = entityManagerFactory.getMetamodel().getEntities().stream()
                .map(EntityType::getJavaType)
                .filter(type -> type.getPackageName().startsWith("io.wrench.query"))
                .map(type -> type.getAnnotation(Table.class).name())
                .toList();
        assertThat(declared).as("every query-side table is copied by the rebuild of its projection")
                .containsAll(queryTables);
    }

    @Test
    void the_status_names_every_segment_and_its_owner() {
        JsonNode status = api.as(Role.ANALYST).get("/api/admin/projections/stock-item-projection").json();
        assertThat(status.get("segmentCount").asInt()).isEqualTo(4);
        assertThat(status.get("segments")).hasSize(4);
        status.get("segments").forEach(segment -> assertThat(segment.get("owner").isNull()).isFalse());
    }

    @Test
    void every_projection_reports_its_lag_as_a_metric() {
        String metrics = api.as(Role.ADMIN).get("/actuator/prometheus").body();
        assertThat(metrics).contains("wrench_projection_lag_events{projection=\"customer-projection\"}")
                .contains("wrench_projection_lag_events{projection=\"PartsProcessProcessor\"}");
    }
}
