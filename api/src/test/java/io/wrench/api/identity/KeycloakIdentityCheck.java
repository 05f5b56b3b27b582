package io.wrench.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrench (the packaged jar, the compose file's identity settings) against a real Keycloak that imported
 * docker/keycloak/wrench-realm.json. Run by .ci/keycloak (surefire execution keycloak-identity).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIdentityCheck {

    private static final List<String> ROLES =
            List.of("ADMIN", "MANAGER", "ADVISOR", "TECHNICIAN", "STOREKEEPER", "AUDITOR", "ANALYST");
    private static final String SWAGGER = "wrench-swagger";
    /** Spring Security's default clock skew for exp: a token is refused this long after it expired. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final String OTHER_REALM = "identity-check-elsewhere";
    private static final String SHORT_LIVED = "identity-check-short-lived";
    private static final String NO_AUDIENCE = "identity-check-no-audience";

    private final Keycloak keycloak = new Keycloak();
    private String shortLivedToken;

    /**
     * A row of API.md's role matrix: the allowed roles get {@code status} (404: allowed, but the id is
     * unknown), everyone else 403.
     */
    private record Call(String method, String path, String body, int status, Set<String> allowed) {
        static Call of(String method, String path, String body, int status, String... allowed) {
            return new Call(method, path, body, status, allowed.length == 0 ? Set.copyOf(ROLES) : Set.of(allowed));
        }
    }

    private static List<Call> matrix() {
        String unknown = UUID.randomUUID().toString();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                Call.of("GET", "/api/customers", null, 200),
                Call.of("GET", "/api/inventory/items", null, 200),
                Call.of("GET", "/api/work-orders", null, 200),
                Call.of("POST", "/api/customers", "{\"name\":\"Identity Check\",\"email\":\"%s-" + unique + "@example.com\"}",
                        201, "ADVISOR", "MANAGER", "ADMIN"),
                Call.of("POST", "/api/inventory/items", "{\"sku\":\"ID-%s-" + unique + "\",\"name\":\"Check\",\"unit\":\"pcs\","
                        + "\"reorderLevel\":1,\"unitCost\":2.50}", 201, "STOREKEEPER", "MANAGER", "ADMIN"),
                Call.of("POST", "/api/work-orders/" + unknown + "/start", null, 404, "TECHNICIAN", "MANAGER", "ADMIN"),
                Call.of("POST", "/api/work-orders/" + unknown + "/scans", "{\"stage\":\"RECEIVED\"}", 404, "TECHNICIAN", "ADMIN"),
                Call.of("POST", "/api/work-orders/" + unknown + "/invoice", null, 404, "MANAGER", "ADMIN"),
                Call.of("GET", "/api/customers/" + unknown + "/history", null, 404, "AUDITOR", "MANAGER", "ADMIN"),
                Call.of("GET", "/api/dashboard", null, 200, "MANAGER", "ADMIN", "ANALYST", "AUDITOR"),
                Call.of("GET", "/api/audit/events", null, 200, "AUDITOR", "ADMIN"),
                Call.of("GET", "/api/admin/projections", null, 200, "ADMIN", "ANALYST"));
    }

    @BeforeAll
    void extraClientsAndAnotherRealm() {
        removeExtras();
        created(keycloak.admin("POST", "/realms/" + Keycloak.REALM + "/clients", Map.of(
                "clientId", SHORT_LIVED, "secret", "short-lived-secret", "serviceAccountsEnabled", true,
                "standardFlowEnabled", false, "publicClient", false,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers", List.of(audienceMapper()))));
        created(keycloak.admin("POST", "/realms/" + Keycloak.REALM + "/clients", Map.of(
                "clientId", NO_AUDIENCE, "secret", "no-audience-secret", "serviceAccountsEnabled", true,
                "standardFlowEnabled", false, "publicClient", false)));
        // a realm of the same Keycloak with a look-alike admin client: same client id, role and audience
        created(keycloak.admin("POST", "/realms", Map.of(
                "realm", OTHER_REALM, "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "ADMIN"))),
                "clients", List.of(Map.of("clientId", "admin-client", "secret", "admin-secret",
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "publicClient", false,
                        "protocolMappers", List.of(audienceMapper()))),
                "users", List.of(Map.of("username", "service-account-admin-client", "enabled", true,
                        "serviceAccountClientId", "admin-client", "realmRoles", List.of("ADMIN"))))));
        shortLivedToken = keycloak.clientToken(Keycloak.REALM, SHORT_LIVED, "short-lived-secret");
        assertThat(keycloak.app("GET", "/api/customers", shortLivedToken, null).status())
                .as("the short-lived token is accepted while fresh (403: it holds no Wrench role)").isIn(200, 403);
    }

    @AfterAll
    void removeExtras() {
        for (String clientId : List.of(SHORT_LIVED, NO_AUDIENCE)) {
            keycloak.admin("GET", "/realms/" + Keycloak.REALM + "/clients?clientId=" + clientId, null).json()
                    .forEach(client -> keycloak.admin("DELETE", "/realms/" + Keycloak.REALM + "/clients/"
                            + client.path("id").asText(), null));
        }
        keycloak.admin("DELETE", "/realms/" + OTHER_REALM, null);
    }

    @Test
    @Order(1)
    void everyRoleGetsExactlyTheCallsOfApiMd() {
        List<Call> matrix = matrix();
        for (String role : ROLES) {
            String client = role.toLowerCase(Locale.ROOT) + "-client";
            String token = keycloak.clientToken(Keycloak.REALM, client, role.toLowerCase(Locale.ROOT) + "-secret");
            for (Call call : matrix) {
                String body = call.body() == null ? null : call.body().formatted(role.toLowerCase(Locale.ROOT));
                Keycloak.Response answer = keycloak.app(call.method(), call.path(), token, body);
                String what = role + " " + call.method() + " " + call.path() + ": " + answer;
                assertThat(answer.status()).as(what).isEqualTo(call.allowed().contains(role) ? call.status() : 403);
            }
        }
    }

    @Test
    @Order(1)
    void serviceAccountTokensNameTheirClientAndPinnedAccount() {
        JsonNode claims = Keycloak.claims(keycloak.clientToken(Keycloak.REALM, "technician-client", "technician-secret"));

        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.realmUrl(Keycloak.REALM));
        assertThat(claims.path("sub").asText()).isEqualTo("00000000-0000-4000-8000-000000000104");
        assertThat(claims.path("client_id").asText()).isEqualTo("technician-client");
        assertThat(claims.path("azp").asText()).isEqualTo("technician-client");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("service-account-technician-client");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"TECHNICIAN\"");
    }

    @Test
    @Order(1)
    void aDemoUserLogsInWithAuthorizationCodeAndPkceAndRefreshes() {
        String redirect = keycloak.appUrl + "/swagger-ui/oauth2-redirect.html";
        JsonNode tokens = keycloak.loginWithPkce(SWAGGER, redirect, "ted.technician", "demo", true).json();
        String access = tokens.path("access_token").asText();
        JsonNode claims = Keycloak.claims(access);

        assertThat(claims.path("sub").asText()).as("ted.technician's pinned id")
                .isEqualTo("00000000-0000-4000-8000-000000000004");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("ted.technician");
        assertThat(claims.path("azp").asText()).isEqualTo(SWAGGER);
        assertThat(claims.path("aud").toString()).contains("wrench-api");
        assertThat(keycloak.app("GET", "/api/work-orders", access, null).status()).isEqualTo(200);
        assertThat(keycloak.app("POST", "/api/customers", access, "{\"name\":\"No\",\"email\":\"no@example.com\"}")
                .status()).as("a technician may not create customers").isEqualTo(403);

        Keycloak.Response refreshed = keycloak.post(keycloak.tokenEndpoint(Keycloak.REALM), Map.of(
                "grant_type", "refresh_token", "client_id", SWAGGER,
                "refresh_token", tokens.path("refresh_token").asText()), null);
        String renewed = Keycloak.accessToken(refreshed);
        assertThat(renewed).isNotEqualTo(access);
        assertThat(Keycloak.claims(renewed).path("sub").asText()).isEqualTo("00000000-0000-4000-8000-000000000004");
        assertThat(keycloak.app("GET", "/api/work-orders", renewed, null).status()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void theCodeIsWorthNothingWithoutItsPkceVerifier() {
        Keycloak.Response exchange = keycloak.loginWithPkce(SWAGGER, keycloak.appUrl + "/swagger-ui/oauth2-redirect.html",
                "ada.advisor", "demo", false);

        assertThat(exchange.status()).as(exchange.toString()).isEqualTo(400);
        assertThat(exchange.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(1)
    void aDemoUserGetsATokenInATerminalWithTheDeviceGrant() {
        String token = Keycloak.accessToken(keycloak.loginWithDeviceGrant("wrench-cli", "audrey.auditor", "demo"));

        assertThat(Keycloak.claims(token).path("sub").asText()).isEqualTo("00000000-0000-4000-8000-000000000006");
        assertThat(keycloak.app("GET", "/api/audit/events", token, null).status()).isEqualTo(200);
        assertThat(keycloak.app("GET", "/api/admin/projections", token, null).status()).isEqualTo(403);
    }

    @Test
    @Order(1)
    void aTokenOfAnotherRealmIsRefused() {
        String elsewhere = keycloak.clientToken(OTHER_REALM, "admin-client", "admin-secret");
        assertThat(Keycloak.claims(elsewhere).path("aud").toString()).contains("wrench-api");

        assertThat(keycloak.app("GET", "/api/customers", elsewhere, null).status()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void aTokenForAnotherAudienceIsRefused() {
        String token = keycloak.clientToken(Keycloak.REALM, NO_AUDIENCE, "no-audience-secret");
        assertThat(Keycloak.claims(token).path("aud").toString()).doesNotContain("wrench-api");

        assertThat(keycloak.app("GET", "/api/customers", token, null).status()).isEqualTo(401);
    }

    /** Last: waits (bounded) until the short-lived token of the start is past its exp and the clock skew. */
    @Test
    @Order(2)
    void anExpiredTokenIsRefused() throws InterruptedException {
        Instant expiry = Instant.ofEpochSecond(Keycloak.claims(shortLivedToken).path("exp").asLong());
        Instant refusedFrom = expiry.plus(CLOCK_SKEW).plusSeconds(2);
        assertThat(Duration.between(Instant.now(), refusedFrom)).isLessThan(CLOCK_SKEW.plusSeconds(10));
        while (Instant.now().isBefore(refusedFrom)) {
            Thread.sleep(500);
        }

        Keycloak.Response answer = keycloak.app("GET", "/api/customers", shortLivedToken, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
    }

    private static Map<String, Object> audienceMapper() {
        return Map.of("name", "wrench-api audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", "wrench-api", "access.token.claim", "true"));
    }

    private static void created(Keycloak.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
