package io.wrench.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No Docker engine runs on our machines, so docker-compose.yml is checked here: against the
 * Compose Specification's JSON Schema and for the properties operations rely on.
 */
class ComposeFileTest {

    private final JsonNode compose = OpsFiles.compose();
    private final JsonNode services = compose.path("services");

    @Test
    void conformsToTheComposeSpecification() {
        assertThat(validateAgainstComposeSchema(compose)).isEmpty();
    }

    @Test
    void schemaValidationRejectsAMalformedFile() {
        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.path("services").path("app")).put("depends_onn", "postgres");
        ((ObjectNode) broken.path("services").path("postgres")).put("ports", 5432);

        assertThat(validateAgainstComposeSchema(broken))
                .anySatisfy(message -> assertThat(message).contains("depends_onn"))
                .anySatisfy(message -> assertThat(message).contains("ports"));
    }

    @Test
    void hasNoObsoleteVersionKey() {
        assertThat(compose.has("version")).as("the Compose Specification ignores 'version'").isFalse();
    }

    @Test
    void definesTheSixServices() {
        assertThat(fieldNames(services)).containsExactlyInAnyOrder("axonserver", "postgres", "keycloak", "minio",
                "mailpit", "app");
    }

    @Test
    void appSendsCustomerEmailThroughTheSmtpRelay() {
        JsonNode app = services.path("app").path("environment");

        assertThat(app.path("SPRING_MAIL_HOST").asText()).isEqualTo("${SMTP_HOST:-mailpit}");
        assertThat(app.path("SPRING_MAIL_PORT").asText()).isEqualTo("${SMTP_PORT:-1025}");
        assertThat(services.path("mailpit").path("ports")).allSatisfy(port ->
                assertThat(port.asText()).as("only the web UI is published, on loopback").startsWith("127.0.0.1:"));
    }

    @Test
    void appStartsOnlyWhenItsInfrastructureIsHealthy() {
        JsonNode dependsOn = services.path("app").path("depends_on");

        assertThat(fieldNames(dependsOn)).containsExactlyInAnyOrder("axonserver", "postgres", "keycloak", "minio");
        dependsOn.properties().forEach(dependency ->
                assertThat(dependency.getValue().path("condition").asText())
                        .as("condition of app's dependency on %s", dependency.getKey())
                        .isEqualTo("service_healthy"));
    }

    @Test
    void everyServiceHasAHealthcheck() {
        services.properties().forEach(service -> {
            JsonNode healthcheck = service.getValue().path("healthcheck");
            assertThat(healthcheck.path("test").isMissingNode())
                    .as("%s has no healthcheck test", service.getKey()).isFalse();
            assertThat(healthcheck.path("disable").asBoolean(false))
                    .as("%s disables its healthcheck", service.getKey()).isFalse();
        });
    }

    @Test
    void appCanBeScaledOut() {
        JsonNode app = services.path("app");

        assertThat(app.has("container_name")).as("a fixed container name forbids --scale").isFalse();
        assertThat(app.path("ports")).allSatisfy(port ->
                assertThat(port.asText()).as("host side of an app port must be a range for --scale")
                        .matches("(.+:)?\\d+-\\d+:\\d+"));
    }

    @Test
    void everyNamedVolumeIsDeclaredAndEveryBindMountExists() {
        Set<String> declared = Set.copyOf(fieldNames(compose.path("volumes")));
        assertThat(declared).isNotEmpty();

        services.properties().forEach(service -> service.getValue().path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".") || source.startsWith("/")) {
                assertThat(OpsFiles.repoRoot().resolve(source)).as("bind mount of %s", service.getKey()).exists();
            } else {
                assertThat(declared).as("named volume of %s", service.getKey()).contains(source);
            }
        }));
    }

    @Test
    void axonServerRunsStandaloneWithDevModeOff() {
        JsonNode environment = services.path("axonserver").path("environment");

        assertThat(environment.path("AXONIQ_AXONSERVER_DEVMODE_ENABLED").asText()).isEqualTo("false");
        assertThat(environment.path("AXONIQ_AXONSERVER_STANDALONE").asText()).isEqualTo("true");
    }

    @Test
    void keycloakHealthCheckWaitsOutASlowFirstStart() {
        JsonNode healthcheck = services.path("keycloak").path("healthcheck");

        // readiness from the management port, not a log line or the HTTP port
        assertThat(healthcheck.path("test").toString()).contains("/dev/tcp/127.0.0.1/9000").contains("/health/ready");
        assertThat(services.path("keycloak").path("environment").path("KC_HEALTH_ENABLED").asText()).isEqualTo("true");
        // a production-mode first start took ~6 minutes on a busy 2-core machine
        assertThat(seconds(healthcheck.path("start_period").asText())).isGreaterThanOrEqualTo(6 * 60 + 60);
        assertThat(seconds(healthcheck.path("interval").asText()) * healthcheck.path("retries").asInt())
                .as("time to unhealthy after the start period").isBetween(30L, 300L);
    }

    @Test
    void keycloakGetsNoSettingItIgnores() {
        JsonNode environment = services.path("keycloak").path("environment");

        assertThat(environment.has("KC_HOSTNAME")).isTrue();
        assertThat(environment.has("KC_HOSTNAME_STRICT")).as("ignored once KC_HOSTNAME is set").isFalse();
    }

    @Test
    void durationsAreReadAsComposeWritesThem() {
        assertThat(seconds("480s")).isEqualTo(480);
        assertThat(seconds("1m30s")).isEqualTo(90);
        assertThat(seconds("2h")).isEqualTo(7200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seconds("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A Compose duration ("90s", "1m30s") in seconds; fractions and sub-second units are not used here. */
    static long seconds(String duration) {
        java.util.regex.Matcher part = java.util.regex.Pattern.compile("(\\d+)(h|m|s)").matcher(duration);
        long total = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            total += Long.parseLong(part.group(1)) * switch (part.group(2)) { case "h" -> 3600; case "m" -> 60; default -> 1; };
            end = part.end();
        }
        if (end == 0 || end != duration.length()) {
            throw new IllegalArgumentException("not a duration: " + duration);
        }
        return total;
    }

    @Test
    void appExpectsTheIssuerKeycloakStampsIntoTokens() {
        String keycloakHostname = services.path("keycloak").path("environment").path("KC_HOSTNAME").asText();
        String realm = OpsFiles.keycloakRealm().path("realm").asText();
        JsonNode app = services.path("app").path("environment");

        assertThat(app.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI").asText())
                .isEqualTo(keycloakHostname + "/realms/" + realm);
        assertThat(app.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI").asText())
                .isEqualTo("http://keycloak:8080/realms/" + realm + "/protocol/openid-connect/certs");
    }

    private static List<String> validateAgainstComposeSchema(JsonNode document) {
        Path schemaFile = OpsFiles.composeSchema().orElse(null);
        assumeTrue(schemaFile != null,
                "shared/schemas/compose-spec.json not found beside the project: compose schema check skipped");
        // The schema's "$id" is relative ("compose_spec.json"): give it the file's location as base.
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                SchemaLocation.of(schemaFile.toUri().toString()), OpsFiles.readTree(OpsFiles.JSON, schemaFile));
        List<String> messages = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
