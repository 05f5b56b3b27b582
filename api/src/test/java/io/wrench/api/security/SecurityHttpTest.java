package io.wrench.api.security;

import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHttpTest extends HttpTestSupport {

    @Test
    void every_demo_client_gets_a_token_whose_subject_is_the_client_and_roles_its_role() {
        for (Role role : Role.values()) {
            String[] parts = api.token(role).split("\\.");
            JsonNode claims = Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            assertThat(claims.get("sub").asString()).isEqualTo(role.name().toLowerCase(Locale.ROOT) + "-client");
            assertThat(claims.get("roles").get(0).asString()).isEqualTo(role.name());
        }
    }

    @Test
    void tokens_are_signed_es256_with_the_published_key_and_a_forged_signature_is_refused() {
        String token = api.token(Role.ADVISOR);
        String[] parts = token.split("\\.");
        JsonNode header = Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        assertThat(header.get("alg").asString()).isEqualTo("ES256");
        JsonNode keys = api.anonymous().get("/oauth2/jwks").json().get("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("kty").asString()).isEqualTo("EC");
        assertThat(keys.get(0).get("kid").asString()).isEqualTo(header.get("kid").asString());
        assertThat(keys.get(0).has("d")).as("the private part is never published").isFalse();

        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        Api.Response response = api.anonymous().header("Authorization", "Bearer " + forged).get("/api/customers");
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void a_wrong_client_secret_gets_no_token() {
        Api.Response response = api.anonymous()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin-client:guess".getBytes()))
                .send("POST", "/oauth2/token", "grant_type=client_credentials", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void api_answers_carry_the_security_headers() {
        Api.Response response = api.as(Role.ADVISOR).get("/api/customers");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void no_origin_is_allowed_by_default() {
        Api.Response preflight = api.anonymous()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/api/customers", null, null);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void only_health_is_public_among_the_operations_endpoints() {
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        Api.Response readiness = api.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.as(Role.ANALYST).get("/actuator/prometheus").status()).isEqualTo(403);
        Api.Response prometheus = api.as(Role.ADMIN).get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests");
        Api.Response info = api.as(Role.ADMIN).get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("app").get("version").asString()).isNotBlank();
        Api.Response health = api.as(Role.ADMIN).get("/actuator/health");
        assertThat(health.json().get("components").has("eventStore")).isTrue();
        assertThat(health.json().get("components").has("db")).isTrue();
    }

    @Test
    void the_openapi_description_and_swagger_ui_are_served_with_the_oauth_flow() {
        Api.Response docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode schemes = docs.json().get("components").get("securitySchemes");
        assertThat(schemes.get("oauth2").get("flows").get("clientCredentials").get("tokenUrl").asString())
                .endsWith("/oauth2/token");
        assertThat(docs.json().get("paths").has("/api/customers")).isTrue();
        assertThat(schemes.has("oidc")).as("no external issuer configured").isFalse();
        Api.Response page = api.anonymous().get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        // the embedded issuer is this origin: the docs page may connect nowhere else
        assertThat(page.header("Content-Security-Policy")).contains("connect-src 'self';");
    }
}
