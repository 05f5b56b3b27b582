package io.wrench.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm Keycloak imports in the compose stack: the API's seven roles and its demo clients. */
class KeycloakRealmTest {

    private static final List<String> ROLES =
            List.of("ADMIN", "MANAGER", "ADVISOR", "TECHNICIAN", "STOREKEEPER", "AUDITOR", "ANALYST");

    private final JsonNode realm = OpsFiles.keycloakRealm();

    @Test
    void isTheWrenchRealmWithExactlyTheSevenRoles() {
        assertThat(realm.path("realm").asText()).isEqualTo("wrench");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(texts(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrderElementsOf(ROLES);
    }

    @Test
    void oneConfidentialServiceAccountClientPerRole() {
        List<JsonNode> serviceClients = stream(realm.path("clients"))
                .filter(client -> client.path("serviceAccountsEnabled").asBoolean())
                .toList();

        assertThat(serviceClients).extracting(client -> client.path("clientId").asText())
                .containsExactlyInAnyOrderElementsOf(ROLES.stream().map(role -> lower(role) + "-client").toList());
        assertThat(serviceClients).allSatisfy(client -> {
            String role = client.path("clientId").asText().replace("-client", "").toUpperCase(Locale.ROOT);
            assertThat(client.path("publicClient").asBoolean()).isFalse();
            assertThat(client.path("secret").asText()).isEqualTo(lower(role) + "-secret");
            assertThat(client.path("enabled").asBoolean()).isTrue();
        });
    }

    @Test
    void eachServiceAccountHoldsOnlyItsClientsRole() {
        for (String role : ROLES) {
            String clientId = lower(role) + "-client";
            List<JsonNode> accounts = users()
                    .filter(user -> clientId.equals(user.path("serviceAccountClientId").asText()))
                    .toList();

            assertThat(accounts).as("service-account user of %s", clientId).hasSize(1);
            assertThat(texts(accounts.get(0).path("realmRoles"))).as(clientId).containsExactly(role);
        }
    }

    @Test
    void everyClientPutsRealmRolesAndSubjectIntoItsTokens() {
        // "roles" carries realm_access.roles, "basic" carries sub (Keycloak 25+).
        assertThat(stream(realm.path("clients"))).allSatisfy(client ->
                assertThat(texts(client.path("defaultClientScopes")))
                        .as(client.path("clientId").asText())
                        .contains("roles", "basic"));
    }

    /** The app checks aud (wrench.security.audience): each client's tokens must name the API. */
    @Test
    void everyClientsTokensNameTheApiAsAudienceAndTheAppChecksIt() {
        String audience = OpsFiles.compose().path("services").path("app").path("environment")
                .path("WRENCH_SECURITY_AUDIENCE").asText();
        assertThat(audience).isEqualTo("wrench-api");
        assertThat(stream(realm.path("clients"))).allSatisfy(client ->
                assertThat(stream(client.path("protocolMappers")))
                        .as(client.path("clientId").asText())
                        .anySatisfy(mapper -> {
                            assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
                            assertThat(mapper.path("config").path("included.custom.audience").asText()).isEqualTo(audience);
                            assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
                        }));
    }

    @Test
    void appReadsRolesWhereKeycloakPutsThem() {
        assertThat(OpsFiles.compose().path("services").path("app").path("environment")
                .path("WRENCH_SECURITY_ROLES_CLAIM").asText()).isEqualTo("realm_access.roles");
    }

    @Test
    void swaggerUiClientIsPublicWithPkce() {
        JsonNode swagger = client("wrench-swagger");

        assertThat(swagger.path("publicClient").asBoolean()).isTrue();
        assertThat(swagger.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(swagger.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(swagger.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(swagger.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(swagger.path("redirectUris")))
                .contains("http://localhost:8080/swagger-ui/*");
    }

    @Test
    void oneDemoUserPerRoleWithAPermanentPassword() {
        List<JsonNode> people = users().filter(user -> !user.has("serviceAccountClientId")).toList();

        assertThat(people).flatExtracting(user -> texts(user.path("realmRoles")))
                .containsExactlyInAnyOrderElementsOf(ROLES);
        assertThat(people).allSatisfy(user -> {
            assertThat(user.path("enabled").asBoolean()).isTrue();
            assertThat(user.path("credentials")).singleElement().satisfies(credential -> {
                assertThat(credential.path("type").asText()).isEqualTo("password");
                assertThat(credential.path("value").asText()).isEqualTo("demo");
                assertThat(credential.path("temporary").asBoolean(true)).isFalse();
            });
        });
    }

    @Test
    void everyUserAndClientHasAPinnedIdAndTheOperationsGuideListsIt() throws java.io.IOException {
        String guide = java.nio.file.Files.readString(OpsFiles.repoRoot().resolve("docs/operations.md"));
        List<JsonNode> pinned = new ArrayList<>();
        users().forEach(pinned::add);
        stream(realm.path("clients")).forEach(pinned::add);

        assertThat(pinned).allSatisfy(entry -> {
            String name = entry.has("username") ? entry.path("username").asText() : entry.path("clientId").asText();
            assertThat(entry.path("id").asText()).as(name)
                    .matches("00000000-0000-4000-8000-0000000\\d{5}");
            assertThat(guide).as("docs/operations.md lists %s with its id", name)
                    .containsPattern("\\| `" + java.util.regex.Pattern.quote(name) + "` \\|(.*\\|)? `"
                            + entry.path("id").asText() + "` \\|");
        });
        assertThat(pinned).extracting(entry -> entry.path("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void serviceAccountTokensNameTheirClient() {
        assertThat(stream(realm.path("clients")).filter(client -> client.path("serviceAccountsEnabled").asBoolean()))
                .isNotEmpty()
                .allSatisfy(client -> assertThat(stream(client.path("protocolMappers")))
                        .as("client_id mapper of %s", client.path("clientId").asText())
                        .anySatisfy(mapper -> {
                            assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-usersessionmodel-note-mapper");
                            assertThat(mapper.path("config").path("user.session.note").asText()).isEqualTo("client_id");
                            assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("client_id");
                            assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
                        }));
    }

    @Test
    void terminalClientIsPublicWithTheDeviceGrantOnly() {
        JsonNode cli = client("wrench-cli");

        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("attributes").path("oauth2.device.authorization.grant.enabled").asText()).isEqualTo("true");
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(cli.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(cli.path("serviceAccountsEnabled").asBoolean()).isFalse();
    }

    private java.util.stream.Stream<JsonNode> users() {
        return stream(realm.path("users"));
    }

    private JsonNode client(String clientId) {
        return stream(realm.path("clients"))
                .filter(client -> client.path("clientId").asText().equals(clientId))
                .findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.path(field).asText()));
        return values;
    }

    private static String lower(String role) {
        return role.toLowerCase(Locale.ROOT);
    }
}
