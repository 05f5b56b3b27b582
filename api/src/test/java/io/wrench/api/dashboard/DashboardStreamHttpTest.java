package io.wrench.api.dashboard;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The live dashboard over server-sent events. */
class DashboardStreamHttpTest extends HttpTestSupport {

    @Autowired
    DashboardStreams streams;

    private SseClient stream(Role role, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + api.token(role));
        return SseClient.connect(port, "/api/dashboard/stream", all);
    }

    private String openWorkOrder(String customer) {
        Api.Response opened = api.as(Role.ADVISOR).post("/api/work-orders",
                Map.of("customerId", customer, "description", "Streamed"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.id();
    }

    private static long open(SseClient.Event event) {
        return Api.JSON.readTree(event.data()).get("workOrders").get("byStatus").get("OPEN").asLong();
    }

    @Test
    void the_document_comes_on_connect_and_again_after_a_change_with_the_position_as_id() throws Exception {
        String customer = newCustomer(unique("Stream"));
        try (SseClient client = stream(Role.MANAGER, Map.of())) {
            assertThat(client.status).isEqualTo(200);
            assertThat(client.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            SseClient.Event first = client.next(Duration.ofSeconds(5));
            assertThat(first).isNotNull();
            assertThat(first.name()).isEqualTo("dashboard");
            JsonNode document = Api.JSON.readTree(first.data());
            assertThat(first.id()).isEqualTo(Long.toString(document.get("position").asLong()));

            openWorkOrder(customer);
            // the customer's registration may still be on its way: a push for it alone comes first then
            SseClient.Event next = client.next(Duration.ofSeconds(5));
            while (next != null && next != SseClient.END && open(next) == open(first)) {
                assertThat(Long.parseLong(next.id())).isGreaterThan(Long.parseLong(first.id()));
                next = client.next(Duration.ofSeconds(5));
            }
            assertThat(next).as("a push after the change").isNotNull().isNotSameAs(SseClient.END);
            assertThat(Long.parseLong(next.id())).isGreaterThan(Long.parseLong(first.id()));
            assertThat(open(next)).isEqualTo(open(first) + 1);
        }
    }

    @Test
    void many_changes_are_coalesced_into_pushes_at_least_500_ms_apart_and_the_last_one_has_them_all() throws Exception {
        String customer = newCustomer(unique("Burst"));
        try (SseClient client = stream(Role.MANAGER, Map.of())) {
            SseClient.Event first = client.next(Duration.ofSeconds(5));
            int changes = 15;
            for (int i = 0; i < changes; i++) {
                openWorkOrder(customer);
            }
            List<SseClient.Event> pushes = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                SseClient.Event push = client.next(Duration.ofMillis(1500));
                if (push == null) {
                    break;
                }
                pushes.add(push);
                if (open(push) == open(first) + changes) {
                    break;
                }
            }
            assertThat(pushes).isNotEmpty();
            assertThat(open(pushes.get(pushes.size() - 1))).as("the last push has every change").isEqualTo(open(first) + changes);
            assertThat(pushes.size()).as("pushes for " + changes + " changes").isLessThan(changes);
            for (int i = 1; i < pushes.size(); i++) {
                long gap = pushes.get(i).receivedNanos() - pushes.get(i - 1).receivedNanos();
                assertThat(Duration.ofNanos(gap)).as("gap between pushes").isGreaterThan(Duration.ofMillis(400));
            }
        }
    }

    @Test
    void last_event_id_is_honoured_and_heartbeats_keep_the_stream_alive() throws Exception {
        long position = api.as(Role.ANALYST).get("/api/dashboard").json().get("position").asLong();
        try (SseClient upToDate = stream(Role.ANALYST, Map.of("Last-Event-ID", Long.toString(position)));
             SseClient behind = stream(Role.ANALYST, Map.of("Last-Event-ID", Long.toString(position - 1)))) {
            SseClient.Event missed = behind.next(Duration.ofSeconds(5));
            assertThat(missed).as("a client that is behind gets the document at once").isNotNull();
            assertThat(Long.parseLong(missed.id())).isGreaterThanOrEqualTo(position);

            assertThat(upToDate.nextComment(Duration.ofSeconds(5))).as("a heartbeat").isNotNull();
            assertThat(upToDate.next(Duration.ofMillis(500))).as("nothing new for a client that has it").isNull();
            openWorkOrder(newCustomer(unique("Resume")));
            // a push may come first for figures that changed at the same position (time in status);
            // the work order's own push follows with a later position
            SseClient.Event change = upToDate.next(Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (change != null && Long.parseLong(change.id()) <= position && System.nanoTime() < deadline) {
                change = upToDate.next(Duration.ofSeconds(5));
            }
            assertThat(change).isNotNull();
            assertThat(Long.parseLong(change.id())).isGreaterThan(position);
        }
        Api.Response bad = api.as(Role.ANALYST).header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday")
                .get("/api/dashboard/stream");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void a_client_may_hold_a_bounded_number_of_streams_open_past_it_429() throws Exception {
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SseClient client = stream(Role.AUDITOR, Map.of());
                assertThat(client.status).isEqualTo(200);
                open.add(client);
            }
            SseClient refused = stream(Role.AUDITOR, Map.of());
            assertThat(refused.status).isEqualTo(429);
            assertThat(refused.response.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("\"status\":429");
            assertThat(stream(Role.ADMIN, Map.of()).status).as("another client is not affected").isEqualTo(200);

            open.remove(0).close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status;
            do {
                Thread.sleep(200);
                SseClient again = stream(Role.AUDITOR, Map.of());
                status = again.status;
                if (status == 200) {
                    open.add(again);
                }
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("a closed stream frees its place").isEqualTo(200);
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void streams_end_cleanly_when_the_instance_shuts_down() throws Exception {
        try (SseClient client = stream(Role.ANALYST, Map.of())) {
            assertThat(client.next(Duration.ofSeconds(5))).isNotNull();
            streams.stop();
            try {
                assertThat(client.awaitEnd(Duration.ofSeconds(5))).as("the stream ended").isTrue();
                assertThat(stream(Role.ANALYST, Map.of()).status).as("no new stream while stopping").isEqualTo(503);
            } finally {
                streams.start();
            }
            assertThat(streams.openStreams()).isZero();
        }
    }
}
