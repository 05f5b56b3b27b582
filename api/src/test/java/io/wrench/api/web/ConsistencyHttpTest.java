package io.wrench.api.web;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.query.dashboard.messages.DashboardViews;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyHttpTest extends HttpTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_read_with_the_token_sees_the_write_at_once() {
        for (int i = 0; i < 10; i++) {
            String tag = unique("ryw");
            Api.Response created = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", tag, "email", tag + "@example.com"));
            Api.Response detail = readAfter(created, Role.ADVISOR, "/api/customers/" + created.id());
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.header("X-Consistency")).isEqualTo("consistent");

            Api.Response patched = api.as(Role.ADVISOR).patch("/api/customers/" + created.id(), Map.of("name", tag + " v2"));
            assertThat(readAfter(patched, Role.ADVISOR, "/api/customers?search=" + tag).json()
                    .get("items").get(0).get("name").asString()).isEqualTo(tag + " v2");
        }
    }

    @Test
    void a_token_from_the_future_answers_stale_after_the_bound() {
        Api.Response response = api.as(Role.ADVISOR).header("X-Consistency-Token", "999999999").get("/api/customers?size=1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Consistency")).isEqualTo("stale");
    }

    /**
     * A read waits for the processors it is answered from (and the sagas), not for all of them: with
     * the dashboard's processor stopped, a customer read with the token is consistent at once, while a
     * dashboard read with the same token runs into the bound and says stale.
     */
    @Test
    void a_read_waits_only_for_the_views_it_reads() {
        StreamingEventProcessor dashboard = processing.eventProcessor(DashboardViews.PROCESSOR,
                StreamingEventProcessor.class).orElseThrow();
        dashboard.shutDown();
        try {
            String tag = unique("only");
            Api.Response created = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", tag, "email", tag + "@example.com"));
            assertThat(created.status()).isEqualTo(201);
            Api.Response customer = readAfter(created, Role.ADVISOR, "/api/customers/" + created.id());
            assertThat(customer.status()).isEqualTo(200);
            assertThat(customer.header("X-Consistency")).as("the customer view does not wait for the dashboard")
                    .isEqualTo("consistent");
            Api.Response board = readAfter(created, Role.MANAGER, "/api/dashboard");
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.header("X-Consistency")).as("the dashboard is behind").isEqualTo("stale");
        } finally {
            dashboard.start();
        }
    }

    @Test
    void a_garbled_token_is_400() {
        assertThat(api.as(Role.ADVISOR).header("X-Consistency-Token", "soon").get("/api/customers").status()).isEqualTo(400);
    }
}
