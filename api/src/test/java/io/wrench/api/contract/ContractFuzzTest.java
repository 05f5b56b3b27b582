package io.wrench.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.ContractCheck;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests made from the OpenAPI document, for every operation and several roles: the documented
 * example, then each field missing, null, of the wrong type, at and past its limits, long and strange
 * strings, extra fields, broken JSON, bad ids, bad parameters and bad headers. Every answer must be
 * below 500, a status the document lists with a body matching its schema ({@link Api} checks that),
 * and every error a problem detail carrying the request id.
 */
class ContractFuzzTest extends HttpTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> STRANGE = List.of("", " ", "\u0000", "'; DROP TABLE customer; --",
            "<script>alert(1)</script>", "\uD83D\uDD27\u202E\u0301", "../../etc/passwd", "%00%2F%5C", "x".repeat(10_000),
            "\\u0000", "null", "\t\n\r");
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "0", "%2e%2e", "3fa85f64-5717-4562-b3fc",
            "3FA85F64-5717-4562-B3FC-2C963F66AFA6", "x".repeat(300), "%FF", "1-2-3-4-5");
    private static final List<String> BAD_PARAMS = List.of("", "-1", "abc", "1e3", "99999999999999999999", "%00",
            "true", "2026-13-45", "x".repeat(3000), "NaN");

    private record Case(Role role, String method, String path, String body, String contentType,
                        Map<String, String> headers) {
    }

    /**
     * Operations left out, each tested on its own: a live stream never ends (each would hold a request
     * and a client's stream allowance), and a rebuild of a real projection would empty views the other
     * tests of the shared context are reading.
     */
    private static final List<String> UNFUZZED = List.of("/stream", "/rebuild");

    @Test
    void ten_thousand_requests_from_the_document_get_no_5xx_and_only_documented_answers() throws Exception {
        JsonNode document = ContractCheck.of("http://localhost:" + port, HttpClient.newHttpClient()).document();
        Map<String, String> ids = realIds();
        List<Case> cases = new ArrayList<>();
        for (var path = document.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            if (UNFUZZED.stream().anyMatch(entry.getKey()::endsWith)) {
                continue;
            }
            for (var op = entry.getValue().fields(); op.hasNext(); ) {
                var operation = op.next();
                String method = operation.getKey().toUpperCase();
                // roles that may do most things get every variation (others are mostly refused with 403
                // before their body is read); the rest get the example and the bad ids
                for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.ADVISOR, Role.STOREKEEPER)) {
                    cases(role, method, entry.getKey(), operation.getValue(), document, ids, cases::add);
                }
                for (Role role : List.of(Role.TECHNICIAN, Role.AUDITOR, Role.ANALYST)) {
                    cases(role, method, entry.getKey(), operation.getValue(), document, ids, c -> {
                        if (c.headers().isEmpty() && (c.body() == null || c.body().equals(example(operation.getValue())))) {
                            cases.add(c);
                        }
                    });
                }
                String good = fill(entry.getKey(), ids, null);
                cases.add(new Case(null, method, good, null, null, Map.of()));
                cases.add(new Case(null, method, good, null, null, Map.of("Authorization", "Bearer not.a.token")));
            }
        }
        AtomicInteger sent = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long started = System.nanoTime();
        for (Case c : cases) {
            pool.submit(() -> {
                try {
                    statuses.computeIfAbsent(send(c), s -> new AtomicInteger()).incrementAndGet();
                } catch (Throwable failure) {
                    failures.add(c.method() + " " + c.path() + " as " + c.role() + " " + abbreviate(c.body()) + " "
                            + c.headers() + ": " + abbreviate(failure.getMessage()));
                } finally {
                    sent.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        // a bound against a hang, not a performance target (the count and time are printed)
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("fuzzing hung").isTrue();
        System.out.printf("ContractFuzzTest: %d requests from the OpenAPI document in %d s, %d failures; statuses %s%n",
                sent.get(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), failures.size(), statuses);
        assertThat(failures).as("first failures").isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
    }

    private int send(Case c) {
        Api.Call call = c.role() == null ? api.anonymous() : api.as(c.role());
        c.headers().forEach(call::header);
        Api.Response response = call.send(c.method(), c.path(), c.body(), c.contentType());
        assertThat(response.status()).as("no 5xx").isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        }
        return response.status();
    }

    private void cases(Role role, String method, String template, JsonNode operation, JsonNode document,
                       Map<String, String> ids, Consumer<Case> out) {
        String path = fill(template, ids, null);
        JsonNode json = operation.path("requestBody").path("content").path("application/json");
        String example = json.has("example") ? json.path("example").toString() : null;
        String type = example == null ? null : "application/json";
        out.accept(new Case(role, method, path, example, type, Map.of()));
        // bad ids in every path variable
        if (template.contains("{")) {
            for (String bad : BAD_IDS) {
                out.accept(new Case(role, method, fill(template, ids, bad), example, type, Map.of()));
            }
            out.accept(new Case(role, method, fill(template, Map.of(), null), example, type, Map.of()));
        }
        // every query parameter, strange values
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            List<String> values = new ArrayList<>(BAD_PARAMS);
            JsonNode schema = parameter.path("schema");
            if (schema.has("minimum")) {
                values.add(schema.path("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString());
                values.add(schema.path("minimum").decimalValue().toPlainString());
            }
            if (schema.has("maximum")) {
                values.add(schema.path("maximum").decimalValue().add(BigDecimal.ONE).toPlainString());
                values.add(schema.path("maximum").decimalValue().toPlainString());
            }
            for (String value : values) {
                out.accept(new Case(role, method, path + "?" + parameter.path("name").asText() + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8), example, type, Map.of()));
            }
        }
        // bad headers
        for (Map<String, String> headers : List.of(Map.of("If-Match", "yesterday"), Map.of("If-Match", "\"-1\""),
                Map.of("If-Match", "99999999999999999999"), Map.of("Idempotency-Key", "k".repeat(300)),
                Map.of("X-Consistency-Token", "not-a-token"), Map.of("X-Consistency-Token", "-5"),
                Map.of("Accept", "application/xml"), Map.of("X-Request-Id", "<bad id>"))) {
            out.accept(new Case(role, method, path, example, type, headers));
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            return;
        }
        if (operation.path("requestBody").path("content").has("multipart/form-data")) {
            String boundary = "multipart/form-data; boundary=fuzz";
            for (String multipart : List.of("garbage", "--fuzz\r\n\r\nno headers\r\n--fuzz--\r\n",
                    "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
                            + "sku,name,unit,reorderLevel,unitCost\r\nFZ-" + role + ",x,pcs,1,2.00\r\n--fuzz--\r\n",
                    "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004"
                            + "not a workbook\r\n--fuzz--\r\n")) {
                out.accept(new Case(role, method, path, multipart, boundary, Map.of()));
            }
            out.accept(new Case(role, method, path, "x", "multipart/form-data", Map.of()));
        }
        // broken bodies and media types
        for (String broken : List.of("{", "[]", "null", "", "{\"a\":1,\"a\":2}", "[".repeat(5000),
                "{\"name\":\"\\ud800\"}", "\"just a string\"")) {
            out.accept(new Case(role, method, path, broken, "application/json", Map.of()));
        }
        out.accept(new Case(role, method, path, example == null ? "x" : example, "text/plain", Map.of()));
        if (example == null || !json.path("example").isObject()) {
            return;
        }
        ObjectNode valid = (ObjectNode) json.path("example");
        ObjectNode extra = valid.deepCopy();
        extra.put("unexpected", "field");
        out.accept(new Case(role, method, path, extra.toString(), type, Map.of()));
        JsonNode properties = resolve(json.path("schema"), document).path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode property = resolve(properties.path(name), document);
            for (JsonNode value : mutations(property)) {
                ObjectNode body = valid.deepCopy();
                if (value == null) {
                    body.remove(name);
                } else {
                    body.set(name, value);
                }
                out.accept(new Case(role, method, path, body.toString(), type, Map.of()));
            }
        }
    }

    private static String example(JsonNode operation) {
        JsonNode json = operation.path("requestBody").path("content").path("application/json");
        return json.has("example") ? json.path("example").toString() : null;
    }

    private static List<JsonNode> mutations(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        values.add(null);
        values.add(NODES.nullNode());
        values.add(NODES.booleanNode(true));
        values.add(NODES.numberNode(42));
        values.add(NODES.numberNode(new BigDecimal("1.5")));
        values.add(NODES.textNode("42"));
        values.add(NODES.objectNode().put("value", "x"));
        ArrayNode array = NODES.arrayNode();
        array.add(1);
        values.add(array);
        STRANGE.forEach(s -> values.add(NODES.textNode(s)));
        for (String limit : List.of("minLength", "maxLength")) {
            if (schema.has(limit)) {
                int length = schema.path(limit).asInt();
                values.add(NODES.textNode("a".repeat(Math.max(0, length - 1))));
                values.add(NODES.textNode("a".repeat(length)));
                values.add(NODES.textNode("a".repeat(length + 1)));
            }
        }
        for (String limit : List.of("minimum", "maximum", "exclusiveMinimum")) {
            if (schema.has(limit)) {
                BigDecimal bound = schema.path(limit).decimalValue();
                values.add(NODES.numberNode(bound.subtract(BigDecimal.ONE)));
                values.add(NODES.numberNode(bound));
                values.add(NODES.numberNode(bound.add(BigDecimal.ONE)));
            }
        }
        values.add(NODES.numberNode(new BigDecimal("1e400")));
        values.add(NODES.numberNode(new BigDecimal("-99999999999999999999999")));
        values.add(NODES.numberNode(new BigDecimal("0.000000000000000000001")));
        values.add(NODES.textNode("2026-02-30"));
        return values;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
            return document.path("components").path("schemas").path(name);
        }
        if (schema.has("anyOf")) {
            return resolve(schema.path("anyOf").path(0), document);
        }
        return schema;
    }

    /** Fills {id}, {assetId}, ... with real ids (or {@code bad} in each, or a random UUID when unknown). */
    private static String fill(String template, Map<String, String> ids, String bad) {
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        int end = 0;
        while (variable.find()) {
            path.append(template, end, variable.start());
            String name = variable.group(1);
            String context = template.substring(0, variable.start());
            String value = bad != null ? bad : ids.getOrDefault(context + "{" + name + "}", ids.getOrDefault(name,
                    UUID.randomUUID().toString()));
            path.append(value);
            end = variable.end();
        }
        return path.append(template.substring(end)).toString();
    }

    /** A customer with an asset, a stock item and a work order with a line: the ids the fuzzer aims at. */
    private Map<String, String> realIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        String customer = newCustomer("Fuzz");
        Api.Response asset = api.as(Role.ADVISOR).post("/api/customers/" + customer + "/assets",
                Map.of("kind", "VEHICLE", "make", "VW", "model", "Golf"));
        String item = newStockItem(unique("FZ"), "Fuzzed").id();
        Api.Response workOrder = api.as(Role.ADVISOR).post("/api/work-orders",
                Map.of("customerId", customer, "description", "fuzz target"));
        Api.Response line = api.as(Role.ADVISOR).post("/api/work-orders/" + workOrder.id() + "/labour",
                Map.of("description", "diagnosis", "hours", 1, "hourlyRate", 50));
        ids.put("/api/customers/{id}", customer);
        ids.put("/api/inventory/items/{id}", item);
        ids.put("/api/work-orders/{id}", workOrder.id());
        ids.put("assetId", asset.id());
        ids.put("lineId", line.id());
        ids.put("name", "no-such-projection");
        return ids;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
