package io.wrench.api.audit;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ledger and tamper tests share: a customer with three events, waiting for the ledger, verification. */
abstract class AuditTestSupport extends HttpTestSupport {

    @Autowired
    protected JdbcTemplate jdbc;

    /** A customer registered, updated and archived, once the ledger has every event; its id. */
    protected String customerWithThreeEvents(String name) {
        String id = newCustomer(name);
        api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "555-0001"));
        Api.Response last = api.as(Role.MANAGER).post("/api/customers/" + id + "/archive", null);
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        awaitLedger(last);
        return id;
    }

    /** Waits until the ledger (like every processor) has handled what this command wrote. */
    protected void awaitLedger(Api.Response command) {
        Api.Response read = readAfter(command, Role.AUDITOR, "/api/audit/events?limit=1");
        assertThat(read.header("X-Consistency")).as("processors caught up").isNotEqualTo("stale");
    }

    /** The aggregate's events as the store holds them, by sequence: event_identifier, global_index, ... */
    protected List<Map<String, Object>> rows(String aggregateId) {
        return jdbc.queryForList("select * from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                aggregateId);
    }

    protected Map<String, Object> digest() {
        Api.Response digest = api.as(Role.AUDITOR).get("/api/audit/digest");
        assertThat(digest.status()).as(digest.toString()).isEqualTo(200);
        return Api.JSON.readValue(digest.body(), Map.class);
    }

    /** Runs POST /api/audit/verify to the end and answers its final status. */
    protected JsonNode verify(Map<String, Object> digest) {
        Map<String, Object> body = new HashMap<>();
        if (digest != null) {
            body.put("digest", digest);
        }
        Api.Response started = api.as(Role.AUDITOR).post("/api/audit/verify", body);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).startsWith("/api/audit/verify/");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = api.as(Role.AUDITOR).get(location).json();
            if (!status.get("state").asString().equals("RUNNING")) {
                assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("DONE");
                return status;
            }
            sleepBriefly();
        }
        throw new AssertionError("verification did not finish within 60 s");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
