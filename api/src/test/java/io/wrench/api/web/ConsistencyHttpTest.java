package io.wrench.api.web;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyHttpTest extends HttpTestSupport {

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

    @Test
    void a_garbled_token_is_400() {
        assertThat(api.as(Role.ADVISOR).header("X-Consistency-Token", "soon").get("/api/customers").status()).isEqualTo(400);
    }
}
