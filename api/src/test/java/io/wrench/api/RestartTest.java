package io.wrench.api;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Restarting on the same data keeps events, projections and tokens: nothing is lost, nothing replayed. */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // arguments, not builder properties: those are defaults that application.yml would override
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WrenchApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("wrench") + ";DB_CLOSE_ON_EXIT=FALSE");
        assertThat(dataDir.resolve("wrench.mv.db")).as("the application runs on the file database").exists();
        return context;
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void a_restart_keeps_events_projections_tokens_and_idempotency_keys() throws InterruptedException {
        String id;
        String keyedId;
        long positionBefore;
        Api before;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            before = api;
            Api.Response created = api.as(Role.ADVISOR).post("/api/customers",
                    Map.of("name", "Survivor", "email", "survivor@example.com"));
            id = created.id();
            api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "999"));
            keyedId = api.as(Role.ADVISOR).header("Idempotency-Key", "restart-key")
                    .post("/api/customers", Map.of("name", "Keyed", "email", "keyed@example.com")).id();
            ProjectionAdmin admin = first.getBean(ProjectionAdmin.class);
            assertThat(admin.awaitCaughtUp("customer-projection", Duration.ofSeconds(20))).isTrue();
            positionBefore = admin.position("customer-projection");
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(before.sharingTokensWith(((WebServerApplicationContext) second).getWebServer().getPort())
                    .as(Role.ADVISOR).get("/api/customers/" + id).status())
                    .as("a token issued before the restart is still accepted: the signing key is kept").isEqualTo(200);
            ProjectionAdmin admin = second.getBean(ProjectionAdmin.class);
            assertThat(admin.awaitCaughtUp("customer-projection", Duration.ofSeconds(20))).isTrue();
            // the processor resumed from its stored token: the read model was not rebuilt from scratch
            assertThat(admin.position("customer-projection")).isEqualTo(positionBefore);

            Api.Response customer = api.as(Role.ADVISOR).get("/api/customers/" + id);
            assertThat(customer.status()).isEqualTo(200);
            assertThat(customer.json().get("phone").asString()).isEqualTo("999");
            assertThat(customer.json().get("version").asLong()).isEqualTo(1);

            Api.Response again = api.as(Role.ADVISOR).post("/api/customers",
                    Map.of("name", "Copy", "email", "SURVIVOR@example.com"));
            assertThat(again.status()).as("the command-side registry survived too").isEqualTo(409);
            Api.Response next = api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "1000"));
            assertThat(next.json().get("version").asLong()).as("the event stream continues").isEqualTo(2);

            Api.Response retried = api.as(Role.ADVISOR).header("Idempotency-Key", "restart-key")
                    .post("/api/customers", Map.of("name", "Keyed", "email", "keyed@example.com"));
            assertThat(retried.status()).as("the stored first answer, not a duplicate-email refusal").isEqualTo(201);
            assertThat(retried.id()).isEqualTo(keyedId);
        }
    }
}
