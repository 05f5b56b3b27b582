package io.wrench.api.dashboard;

import io.wrench.api.cluster.RebuildCoordinator;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.GatedCustomerProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blue/green rebuilds over a generated history of more than 5,000 events (in this package for
 * {@link GeneratedHistorySupport}): the copy is built beside the live view while readers hammer the
 * list and the details, and reads switch to it only when it has caught up. The gate
 * ({@link GatedCustomerProjection}) holds the copy back at a known event, so that "during the rebuild"
 * is a state the test controls rather than a race it hopes to win.
 */
class BlueGreenRebuildHttpTest extends GeneratedHistorySupport {

    private static final String VIEW = "customer-projection";
    private static final List<String> TABLES = List.of("customer_view", "customer_asset_view",
            "customer_work_order_view", "customer_work_order_line_view");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RebuildCoordinator rebuilds;

    @Test
    void reads_never_shrink_nor_fail_while_a_copy_is_built_and_after_the_switch_the_view_equals_a_replay()
            throws Exception {
        int stored = store(11, 450, 12, 500).size();
        assertThat(stored).as("events in the generated history").isGreaterThanOrEqualTo(5_000);
        String gate = unique("Gate");
        String gated = newCustomer(gate);
        assertThat(admin.awaitCaughtUp(VIEW, Duration.ofSeconds(120))).isTrue();

        Map<String, List<Map<String, Object>>> before = rows();
        long customersBefore = total();
        String detailBefore = api.as(Role.ANALYST).get("/api/customers/" + gated).body();

        ConcurrentReaders readers = new ConcurrentReaders(port, 2, "/api/customers?size=1", "/api/customers/" + gated,
                customersBefore);
        String during;
        Api.Response created;
        try {
            GatedCustomerProjection.close(gate);
            Api.Response accepted = api.as(Role.ANALYST).post("/api/admin/projections/" + VIEW + "/rebuild", null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.json().get("state").asString()).isEqualTo("REBUILDING");

            Api.Response second = api.as(Role.ADMIN).post("/api/admin/projections/" + VIEW + "/rebuild", null);
            assertThat(second.status()).as("a second request while one runs").isEqualTo(409);

            // the copy is held back at the gate: the rebuild runs, the live view serves, and follows new events
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (copyPosition() <= 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(copyPosition()).as("the copy has built part of the history").isPositive();
            JsonNode status = api.as(Role.ANALYST).get("/api/admin/projections/" + VIEW).json();
            assertThat(status.get("state").asString()).isEqualTo("REBUILDING");
            assertThat(status.get("lastRebuild").get("requestedBy").asString()).isNotBlank();
            assertThat(status.get("lastRebuild").get("requestedAt").isNull()).isFalse();

            during = unique("During");
            created = api.as(Role.ADVISOR).post("/api/customers",
                    Map.of("name", during, "email", during.toLowerCase() + "@example.com"));
            assertThat(created.status()).isEqualTo(201);
            Api.Response readDuring = readAfter(created, Role.ANALYST, "/api/customers/" + created.id());
            assertThat(readDuring.status()).as("the live view follows new events during the rebuild").isEqualTo(200);
            assertThat(readDuring.header("X-Consistency")).isEqualTo("consistent");
            assertThat(readers.reads()).as("reads while the copy was being built").isPositive();
        } finally {
            GatedCustomerProjection.open(gate);
        }
        try {
            awaitDone();
        } finally {
            readers.close();
        }
        assertThat(readers.bad()).as("reads that failed or saw fewer customers").isEmpty();

        // the token of the write made during the rebuild is honoured by the copy that now serves the reads
        Api.Response readAfterSwitch = readAfter(created, Role.ANALYST, "/api/customers/" + created.id());
        assertThat(readAfterSwitch.status()).isEqualTo(200);
        assertThat(readAfterSwitch.header("X-Consistency")).isEqualTo("consistent");
        assertThat(readAfterSwitch.json().get("name").asString()).isEqualTo(during);

        Map<String, List<Map<String, Object>>> after = rows();
        after.get("customer_view").removeIf(row -> String.valueOf(row.get("id")).equals(created.id()));
        assertThat(after).as("the switched-in copy holds exactly what the live view held").isEqualTo(before);
        assertThat(api.as(Role.ANALYST).get("/api/customers/" + gated).body()).isEqualTo(detailBefore);
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                VIEW + "@copy")).as("the copy's tokens became the live processor's").isZero();
        JsonNode status = api.as(Role.ANALYST).get("/api/admin/projections/" + VIEW).json();
        assertThat(status.get("state").asString()).isEqualTo("LIVE");
        assertThat(status.get("lastRebuild").get("switchedAt").isNull()).isFalse();
    }

    private void awaitDone() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (rebuilds.rebuilding(VIEW) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(rebuilds.rebuilding(VIEW)).as("the rebuild switched within 2 minutes").isFalse();
    }

    private long copyPosition() {
        return rebuilds.progress(VIEW).map(RebuildCoordinator.Progress::position).orElse(-1L);
    }

    private long total() {
        return api.as(Role.ANALYST).get("/api/customers?size=1").json().get("totalItems").asLong();
    }

    private Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> rows = new java.util.TreeMap<>();
        for (String table : TABLES) {
            rows.put(table, new ArrayList<>(jdbc.queryForList("select * from " + table + " order by id")));
        }
        return rows;
    }
}
