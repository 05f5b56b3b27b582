package io.wrench.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.wrench.api.support.ContractCheck;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client generated from /v3/api-docs relies on, asserted on the document itself. */
class OpenApiDocumentHttpTest extends HttpTestSupport {

    private JsonNode document() {
        return ContractCheck.of("http://localhost:" + port, HttpClient.newHttpClient()).document();
    }

    @Test
    void creates_are_201_actions_200_and_every_operation_lists_its_problems() {
        JsonNode paths = document().path("paths");
        assertThat(paths.path("/api/customers").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/api/customers").path("post").path("responses").has("200")).isFalse();
        assertThat(paths.path("/api/customers/{id}/archive").path("post").path("responses").has("200")).isTrue();
        assertThat(paths.path("/api/admin/projections/{name}/rebuild").path("post").path("responses").has("202")).isTrue();
        assertThat(paths.path("/api/work-orders").path("post").path("responses").path("201").path("content")
                .path("application/json").path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Created");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            String what = operation.getKey() + " " + path.getKey();
            for (String status : List.of("400", "401", "403", "429")) {
                JsonNode problem = document().at(responses.path(status).path("$ref").asText("#/x").substring(1));
                assertThat(problem.path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText()).as(what + " " + status).isEqualTo("#/components/schemas/Problem");
            }
            if (operation.getValue().has("requestBody")) {
                assertThat(responses.has("413") && responses.has("415")).as(what).isTrue();
            }
            if (!operation.getKey().equals("get")) {
                assertThat(responses.has("409") && responses.has("412")).as(what).isTrue();
            }
        }));
    }

    @Test
    void error_is_hidden_and_ids_are_uuid_strings() {
        JsonNode document = document();
        assertThat(document.path("paths").has("/error")).isFalse();
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.has("CustomerId")).as("typed ids are not objects").isFalse();
        JsonNode id = schemas.path("WorkOrderSummary").path("properties").path("customerId");
        assertThat(id.path("format").asText()).isEqualTo("uuid");
        assertThat(id.path("type").toString()).contains("string");
    }

    @Test
    void request_schemas_carry_the_servers_limits() {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode name = schemas.path("RegisterCustomer").path("properties").path("name");
        assertThat(name.path("minLength").asInt()).isEqualTo(1);
        assertThat(name.path("maxLength").asInt()).isEqualTo(200);
        assertThat(schemas.path("RegisterAsset").path("properties").path("year").path("minimum").asInt()).isEqualTo(1886);
        assertThat(schemas.path("ReceiveStock").path("properties").path("quantity").path("exclusiveMinimum").asInt())
                .isZero();
        JsonNode list = document().path("paths").path("/api/customers").path("get").path("parameters");
        List<String> limits = new ArrayList<>();
        list.forEach(p -> limits.add(p.path("name").asText() + ":" + p.path("schema").path("minimum").asText("-")
                + ".." + p.path("schema").path("maximum").asText("-")));
        assertThat(limits).contains("page:0..10000000", "size:1..200");
    }

    /** Each request body has an example, and the example is valid against its own schema. */
    @Test
    void every_request_body_has_an_example_that_its_schema_accepts() {
        JsonNode document = document();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        int bodies = 0;
        for (var path = document.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var op = entry.getValue().fields(); op.hasNext(); ) {
                var operation = op.next();
                JsonNode json = operation.getValue().path("requestBody").path("content").path("application/json");
                if (json.isMissingNode()) {
                    continue;
                }
                bodies++;
                String what = operation.getKey() + " " + entry.getKey();
                assertThat(json.has("example")).as(what).isTrue();
                var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.path("schema").deepCopy();
                root.set("components", document.path("components"));
                assertThat(factory.getSchema(root, config).validate(json.path("example"))).as(what).isEmpty();
            }
        }
        assertThat(bodies).isGreaterThan(15);
    }

    @Test
    void the_embedded_issuer_is_described_as_client_credentials_and_bearer() {
        JsonNode schemes = document().path("components").path("securitySchemes");
        assertThat(schemes.path("oauth2").path("flows").path("clientCredentials").path("tokenUrl").asText())
                .isEqualTo("/oauth2/token");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
    }

    /**
     * The committed document, which the build generates the Java client from, still describes this
     * server: every operation it names exists, with each status it lists. (New operations may be
     * missing from it: a client generated earlier keeps working.) The live document is written to
     * target/openapi/wrench-openapi.json; copy it over src/test/openapi/ to refresh the client.
     */
    @Test
    void the_committed_document_that_the_client_is_generated_from_still_holds() throws Exception {
        JsonNode live = document();
        java.nio.file.Path target = java.nio.file.Path.of("target", "openapi", "wrench-openapi.json");
        java.nio.file.Files.createDirectories(target.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), live);
        JsonNode committed = new ObjectMapper().readTree(java.nio.file.Path.of("src", "test", "openapi",
                "wrench-openapi.json").toFile());
        List<String> missing = new ArrayList<>();
        committed.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode now = live.path("paths").path(path.getKey()).path(op.getKey());
            if (now.isMissingNode()) {
                missing.add(op.getKey() + " " + path.getKey());
                return;
            }
            if (!op.getValue().path("operationId").equals(now.path("operationId"))) {
                missing.add(op.getKey() + " " + path.getKey() + " operationId " + op.getValue().path("operationId"));
            }
            op.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                if (!now.path("responses").has(status)) {
                    missing.add(op.getKey() + " " + path.getKey() + " " + status);
                }
            });
        }));
        assertThat(missing).as("refresh src/test/openapi/wrench-openapi.json from " + target).isEmpty();
    }
}
