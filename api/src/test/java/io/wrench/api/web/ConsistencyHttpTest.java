package io.wrench.api.web;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.query.customer.messages.CustomerViews;
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

    /**
     * A read waits for the events its command caused, not for other clients' writes stored since: with
     * the customer view stopped after it had the customer, another client's registration is behind it,
     * yet the first client's read with its token is consistent at once (before, the wait followed the
     * head into the stopped view and answered stale after the bound).
     */
    @Test
    void a_read_does_not_wait_for_other_clients_writes() {
        String tag = unique("mine");
        Api.Response created = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", tag, "email", tag + "@example.com"));
        assertThat(readAfter(created, Role.ADVISOR, "/api/customers/" + created.id()).header("X-Consistency"))
                .isEqualTo("consistent");
        assertThat(created.consistencyToken()).as("the token names the request").contains("~");
        StreamingEventProcessor customers = processing.eventProcessor(CustomerViews.PROCESSOR,
                StreamingEventProcessor.class).orElseThrow();
        customers.shutDown();
        try {
            String other = unique("theirs");
            Api.Response theirs = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", other, "email", other + "@example.com"));
            assertThat(theirs.status()).isEqualTo(201);
            Api.Response mine = readAfter(created, Role.ADVISOR, "/api/customers/" + created.id());
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.header("X-Consistency")).as("not held up by the other client's registration").isEqualTo("consistent");
            Api.Response bare = api.as(Role.ADVISOR).header("X-Consistency-Token",
                    created.consistencyToken().substring(0, created.consistencyToken().indexOf('~'))).get("/api/customers/" + created.id());
            assertThat(bare.header("X-Consistency")).as("a bare position follows the head into the stopped view").isEqualTo("stale");
        } finally {
            customers.start();
        }
    }

    @Test
    void a_garbled_token_is_400() {
        assertThat(api.as(Role.ADVISOR).header("X-Consistency-Token", "12~bad request id").get("/api/customers").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).header("X-Consistency-Token", "soon").get("/api/customers").status()).isEqualTo(400);
    }
}
