package io.wrench.api.audit;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/audit/events} (filters, cursor paging) and {@code GET /api/audit/export} (NDJSON, gzip). */
class AuditSearchHttpTest extends HttpTestSupport {

    /** A customer with three events, the last through a request with the given id; waits until they are indexed. */
    private String customer(String tag, String requestId) {
        String id = newCustomer(tag);
        api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "555-0001"));
        Api.Response last = api.as(Role.MANAGER).header("X-Request-Id", requestId).post("/api/customers/" + id + "/archive", null);
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        readAfter(last, Role.AUDITOR, "/api/audit/events?limit=1");
        return id;
    }

    private JsonNode search(String query) {
        Api.Response response = api.as(Role.AUDITOR).get("/api/audit/events?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void filters_by_aggregate_type_user_request_and_correlation() {
        String requestId = unique("req");
        String id = customer(unique("Search"), requestId);

        JsonNode byAggregate = search("aggregateId=" + id).get("items");
        assertThat(byAggregate).hasSize(3);
        assertThat(byAggregate.get(0).get("aggregateType").asString()).isEqualTo("Customer");
        assertThat(byAggregate.get(0).get("sequence").asLong()).isZero();
        assertThat(byAggregate.get(0).get("metadata").get("userId").asString()).isEqualTo("advisor-client");
        assertThat(byAggregate.get(0).get("hash").asString()).hasSize(64);
        assertThat(byAggregate.get(0).get("position").asLong()).isLessThan(byAggregate.get(2).get("position").asLong());

        JsonNode byRequest = search("requestId=" + requestId).get("items");
        assertThat(byRequest).hasSize(1);
        assertThat(byRequest.get(0).get("type").asString()).isEqualTo("io.wrench.shared.customer.CustomerArchived");

        String correlation = byRequest.get(0).get("metadata").get("correlationId").asString();
        assertThat(search("correlationId=" + correlation).get("items")).hasSize(1);
        assertThat(search("aggregateId=" + id + "&type=io.wrench.shared.customer.CustomerContactDetailsUpdated")
                .get("items")).hasSize(1);
        assertThat(search("aggregateId=" + id + "&user=manager-client").get("items")).hasSize(1);
        assertThat(search("aggregateId=" + id + "&aggregateType=WorkOrder").get("items")).isEmpty();
    }

    @Test
    void time_filters_take_iso_instants() {
        Instant before = Instant.now().minusSeconds(1);
        String id = customer(unique("Timed"), unique("req"));

        assertThat(search("aggregateId=" + id + "&from=" + before).get("items")).hasSize(3);
        assertThat(search("aggregateId=" + id + "&to=" + before).get("items")).isEmpty();
        Instant after = Instant.now().plusSeconds(1);
        JsonNode window = search("aggregateType=Customer&limit=500&from=" + before + "&to=" + after).get("items");
        assertThat(window).allSatisfy(item -> {
            assertThat(item.get("aggregateType").asString()).isEqualTo("Customer");
            assertThat(Instant.parse(item.get("at").asString())).isBetween(before, after);
        });
        assertThat(window).filteredOn(item -> item.get("aggregateId").asString().equals(id)).hasSize(3);
        customer(unique("Timed"), unique("req"));
        JsonNode positions = search("type=io.wrench.shared.customer.CustomerArchived&limit=2&from=" + before).get("items");
        assertThat(positions.get(0).get("position").asLong()).isLessThan(positions.get(1).get("position").asLong());
        assertThat(api.as(Role.AUDITOR).get("/api/audit/events?from=yesterday").status()).isEqualTo(400);
        assertThat(api.as(Role.AUDITOR).get("/api/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .status()).isEqualTo(400);
    }

    @Test
    void a_time_window_pages_by_cursor_exactly_as_one_big_page() {
        Instant before = Instant.now().minusSeconds(1);
        customer(unique("Window"), unique("req"));
        customer(unique("Window"), unique("req"));
        customer(unique("Window"), unique("req"));
        Instant after = Instant.now().plusSeconds(1);

        for (String window : List.of("aggregateType=Customer", "type=io.wrench.shared.customer.CustomerArchived",
                "aggregateType=Customer&type=io.wrench.shared.customer.CustomerRegistered", "user=advisor-client",
                "user=manager-client&aggregateType=Customer", "aggregateType=WorkOrder", "")) {
            String query = window + "&from=" + before + "&to=" + after;
            List<Long> whole = positions(search(query + "&limit=500").get("items"));
            List<Long> paged = new ArrayList<>();
            JsonNode page = search(query + "&limit=2");
            for (int pages = 0; pages < 100; pages++) {
                paged.addAll(positions(page.get("items")));
                if (page.get("next").isNull()) {
                    break;
                }
                page = search(query + "&limit=2&after=" + page.get("next").asLong());
            }
            assertThat(paged).as(query).isEqualTo(whole).isSorted().doesNotHaveDuplicates();
            assertThat(whole).as(query).hasSizeGreaterThanOrEqualTo(window.contains("WorkOrder") ? 0 : 3);
        }
    }

    private static List<Long> positions(JsonNode items) {
        List<Long> positions = new ArrayList<>();
        items.forEach(item -> positions.add(item.get("position").asLong()));
        return positions;
    }

    @Test
    void cursor_pages_on_the_position_and_stay_stable_while_events_arrive() {
        String id = customer(unique("Cursor"), unique("req"));

        JsonNode first = search("aggregateId=" + id + "&limit=2");
        assertThat(first.get("items")).hasSize(2);
        long next = first.get("next").asLong();
        assertThat(next).isEqualTo(first.get("items").get(1).get("position").asLong());

        // a new event of another aggregate arrives between the pages
        customer(unique("Interloper"), unique("req"));
        JsonNode second = search("aggregateId=" + id + "&limit=2&after=" + next);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("sequence").asLong()).isEqualTo(2);
        assertThat(second.get("next").isNull()).as("nothing more").isTrue();
    }

    @Test
    void bad_paging_is_a_problem_detail() {
        for (String query : List.of("limit=0", "limit=501", "after=abc", "after=-5", "limit=x")) {
            Api.Response response = api.as(Role.AUDITOR).get("/api/audit/events?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void the_export_has_one_complete_event_per_line_and_gzips_when_asked() {
        String id = customer(unique("Export"), unique("req"));

        Api.Response plain = api.as(Role.ANALYST).get("/api/audit/export?aggregateId=" + id);
        Api.Response gzipped = api.as(Role.AUDITOR).header("Accept-Encoding", "gzip").get("/api/audit/export?aggregateId=" + id);

        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(plain.body());
        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(first.get("payload").get("customerId").asString()).isEqualTo(id);
        assertThat(first.get("metadata").get("userId").asString()).isEqualTo("advisor-client");
        assertThat(first.get("hash").asString()).isEqualTo(first.get("metadata").get("auditHash").asString());
        assertThat(first.get("position").asLong()).isPositive();
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("leafIndex").isNumber()).isTrue();

        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(gzipped.bytes())).isEqualTo(plain.body());
        assertThat(api.as(Role.ADVISOR).get("/api/audit/export").status()).isEqualTo(403);
        assertThat(api.as(Role.ANALYST).get("/api/audit/events").status()).as("search is for auditors").isEqualTo(403);
        assertThat(api.as(Role.AUDITOR).get("/api/audit/export?to=soon").status()).isEqualTo(400);
    }

    static List<JsonNode> lines(String ndjson) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                lines.add(Api.JSON.readTree(line));
            }
        }
        return lines;
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
