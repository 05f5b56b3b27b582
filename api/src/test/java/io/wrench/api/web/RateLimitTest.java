package io.wrench.api.web;

import io.wrench.api.WrenchApplication;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/rest-contract.md's 429, with limits small enough to reach: per client and class of request for the API, per
 * address for the token endpoint; health is never limited. (The shared HTTP test context runs with
 * the generous defaults, which its tests never reach.)
 */
class RateLimitTest {

    private static ConfigurableApplicationContext app;
    private static Api api;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(WrenchApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:rate-limit;DB_CLOSE_DELAY=-1",
                        "--wrench.rate-limit.queries.capacity=5",
                        "--wrench.rate-limit.commands.capacity=3",
                        "--wrench.rate-limit.imports.capacity=1",
                        "--wrench.rate-limit.token.capacity=6",
                        // an hour, so that nothing refills while the test runs on a slow machine
                        "--wrench.rate-limit.queries.period=1h",
                        "--wrench.rate-limit.commands.period=1h",
                        "--wrench.rate-limit.imports.period=1h",
                        "--wrench.rate-limit.token.period=1h");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        // three of the six token requests this address may make
        api.token(Role.ADVISOR);
        api.token(Role.AUDITOR);
        api.token(Role.STOREKEEPER);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_client_over_its_query_limit_gets_429_with_retry_after_and_others_do_not() {
        for (int i = 0; i < 5; i++) {
            Api.Response ok = api.as(Role.ADVISOR).get("/api/customers");
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"queries\";q=5;w=3600");
            assertThat(ok.header("RateLimit")).startsWith("\"queries\";r=" + (4 - i) + ";t=");
        }
        Api.Response limited = api.as(Role.ADVISOR).get("/api/customers");
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("requestId").asString()).isEqualTo(limited.header("X-Request-Id"));
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.header("RateLimit")).isEqualTo("\"queries\";r=0;t=" + limited.header("Retry-After"));

        assertThat(api.as(Role.AUDITOR).get("/api/customers").status()).as("another client").isEqualTo(200);
        Api.Response command = api.as(Role.ADVISOR).post("/api/customers",
                Map.of("name", "Limited", "email", "limited@example.com"));
        assertThat(command.status()).as("commands have their own bucket: " + command).isEqualTo(201);
        for (int i = 0; i < 20; i++) {
            assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        }
    }

    @Test
    void commands_and_imports_have_their_own_limits() {
        String csv = "sku,name,unit,reorderLevel,unitCost\nRL-1,Limited,pcs,1,2.00\n";
        Api.Response first = api.as(Role.STOREKEEPER).upload("/api/inventory/imports", "items.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Api.Response second = api.as(Role.STOREKEEPER).upload("/api/inventory/imports", "items.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(second.status()).as(second.toString()).isEqualTo(429);
        assertThat(second.header("RateLimit-Policy")).isEqualTo("\"imports\";q=1;w=3600");

        for (int i = 0; i < 3; i++) {
            assertThat(api.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of()).status()).isEqualTo(400);
        }
        Api.Response limited = api.as(Role.STOREKEEPER).post("/api/inventory/items", Map.of());
        assertThat(limited.status()).as("a refused command counts too: " + limited).isEqualTo(429);
    }

    @Test
    void wrong_secrets_at_the_token_endpoint_are_limited_per_address() {
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            Api.Response response = api.anonymous()
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "admin-client:guess".getBytes(StandardCharsets.UTF_8)))
                    .send("POST", "/oauth2/token", "grant_type=client_credentials", "application/x-www-form-urlencoded");
            if (response.status() == 429) {
                refused++;
                assertThat(response.header("Retry-After")).isNotBlank();
                assertThat(response.header("RateLimit-Policy")).isEqualTo("\"token\";q=6;w=3600");
            } else {
                assertThat(response.status()).isEqualTo(401);
            }
        }
        assertThat(refused).as("3 tokens + 3 guesses allowed, the 4th guess refused").isEqualTo(1);
    }
}
