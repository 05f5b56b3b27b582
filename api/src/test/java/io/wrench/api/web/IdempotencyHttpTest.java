package io.wrench.api.web;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyHttpTest extends HttpTestSupport {

    @Test
    void a_repeated_key_returns_the_first_answer_and_creates_nothing_more() {
        String key = UUID.randomUUID().toString();
        String tag = unique("idem");
        Map<String, Object> body = Map.of("name", tag, "email", tag + "@example.com");

        Api.Response first = api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/customers", body);
        Api.Response again = api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/customers", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(readAfter(again, Role.ADVISOR, "/api/customers?search=" + tag).json().get("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void an_action_repeated_with_its_key_is_applied_once() {
        String id = newCustomer("Idem Action");
        String key = UUID.randomUUID().toString();
        Api.Response first = api.as(Role.ADVISOR).header("Idempotency-Key", key)
                .patch("/api/customers/" + id, Map.of("phone", "1"));
        Api.Response again = api.as(Role.ADVISOR).header("Idempotency-Key", key)
                .patch("/api/customers/" + id, Map.of("phone", "1"));

        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(readAfter(again, Role.ADVISOR, "/api/customers/" + id).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_refusal_is_replayed_too() {
        String email = unique("taken") + "@example.com";
        api.as(Role.ADVISOR).post("/api/customers", Map.of("name", "Owner", "email", email));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Clash", "email", email);

        assertThat(api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/customers", body).status()).isEqualTo(409);
        assertThat(api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/customers", body).status()).isEqualTo(409);
    }

    @Test
    void the_same_key_with_another_request_is_refused() {
        String key = UUID.randomUUID().toString();
        String tag = unique("reuse");
        api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/customers",
                Map.of("name", tag, "email", tag + "@example.com"));
        Api.Response reused = api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/customers",
                Map.of("name", tag + " other", "email", tag + ".other@example.com"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void keys_belong_to_one_client() {
        String key = UUID.randomUUID().toString();
        String a = unique("client-a");
        String b = unique("client-b");
        Api.Response advisor = api.as(Role.ADVISOR).header("Idempotency-Key", key).post("/api/customers",
                Map.of("name", a, "email", a + "@example.com"));
        Api.Response manager = api.as(Role.MANAGER).header("Idempotency-Key", key).post("/api/customers",
                Map.of("name", b, "email", b + "@example.com"));
        assertThat(advisor.status()).isEqualTo(201);
        assertThat(manager.status()).isEqualTo(201);
        assertThat(manager.id()).isNotEqualTo(advisor.id());
    }
}
