package io.wrench.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI document as the test of every answer: a response to an operation the document
 * describes must have a status it lists, and a JSON body that matches the schema it gives for that
 * status and media type (JSON Schema 2020-12, formats asserted). {@link Api} checks every response
 * it receives, so every HTTP test also tests the document. Requests to paths or methods the document
 * does not describe (the token endpoint, actuator, a 404 path, a 405 method) are not checked.
 */
public final class ContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ContractCheck> BY_BASE = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private record Route(String method, String template, Pattern pattern, int variables, JsonNode operation) {
    }

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private ContractCheck(JsonNode document) {
        this.document = document;
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String template = path.getKey();
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), template, Pattern.compile(regex),
                    template.split("\\{", -1).length - 1, op.getValue()));
        }));
        routes.sort(Comparator.comparingInt(Route::variables));
    }

    /** The document of the application at {@code base}, fetched once. */
    public static ContractCheck of(String base, HttpClient http) {
        return BY_BASE.computeIfAbsent(base, b -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(b + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("no OpenAPI document: " + response.statusCode());
                }
                return new ContractCheck(JSON.readTree(response.body()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    public JsonNode document() {
        return document;
    }

    /** The operation the document gives for this request, or null when it describes none. */
    public JsonNode operation(String method, String path) {
        return route(method, path) == null ? null : route(method, path).operation();
    }

    /** Throws an AssertionError naming what the document does not say about this answer. */
    public void check(String method, URI uri, int status, String contentType, byte[] body) {
        Route route = route(method, uri.getRawPath());
        if (route == null) {
            return;
        }
        String what = method + " " + route.template() + " answered " + status;
        JsonNode response = route.operation().path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = route.operation().path("responses").path("default");
        }
        if (response.isMissingNode()) {
            throw new AssertionError(what + ", a status the OpenAPI document does not list for it: "
                    + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (response.has("$ref")) {
            response = document.at(response.path("$ref").asText().substring(1));
        }
        if (body.length == 0 || contentType == null) {
            return;
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content");
        if (!content.has(mediaType)) {
            if (content.size() > 0) {
                throw new AssertionError(what + " with " + mediaType + "; the document gives " + fieldNames(content));
            }
            return;
        }
        if (!mediaType.endsWith("json")) {
            return;
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            return;
        }
        JsonNode actual;
        try {
            actual = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(what + " with a body that is not JSON", e);
        }
        Set<ValidationMessage> errors = schema(schema).validate(actual);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " with a body that does not match its schema " + schema + ": " + errors
                    + "\nbody: " + actual);
        }
    }

    private JsonSchema schema(JsonNode schema) {
        return compiled.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = schema.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", document.path("components"));
            return SCHEMAS.getSchema(root, CONFIG);
        });
    }

    private Route route(String method, String path) {
        for (Route route : routes) {
            if (route.method().equals(method) && route.pattern().matcher(path).matches()) {
                return route;
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
