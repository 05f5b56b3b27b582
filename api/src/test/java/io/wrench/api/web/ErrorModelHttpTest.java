package io.wrench.api.web;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status code docs/rest-contract.md names, in the problem-detail shape it fixes; never a 500, never a stack trace. */
class ErrorModelHttpTest extends HttpTestSupport {

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).startsWith("https://");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).startsWith("/");
        assertThat(problem.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.wrench");
    }

    @Test
    void malformed_json_is_400() {
        assertProblem(api.as(Role.ADVISOR).send("POST", "/api/customers", "{\"name\": ", "application/json"), 400);
        assertProblem(api.as(Role.ADVISOR).send("POST", "/api/customers", "[1,2]", "application/json"), 400);
        assertProblem(api.as(Role.ADVISOR).send("POST", "/api/customers", "", "application/json"), 400);
    }

    @Test
    void missing_and_invalid_fields_are_400_with_field_errors() {
        Api.Response response = api.as(Role.ADVISOR).post("/api/customers", Map.of("email", "not-an-email"));
        assertProblem(response, 400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsString("field")).contains("name", "email");
    }

    @Test
    void wrong_types_and_unknown_enum_values_are_400_naming_the_field() {
        String customer = newCustomer("Types");
        Api.Response wrongType = api.as(Role.ADVISOR).post("/api/customers/" + customer + "/assets",
                Map.of("kind", "VEHICLE", "make", "VW", "model", "Golf", "year", "last year"));
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().get("detail").asString()).contains("year");

        Api.Response unknownEnum = api.as(Role.ADVISOR).post("/api/customers/" + customer + "/assets",
                Map.of("kind", "SPACESHIP", "make", "VW", "model", "Golf"));
        assertProblem(unknownEnum, 400);
        assertThat(unknownEnum.json().get("detail").asString()).contains("SPACESHIP").contains("VEHICLE");
    }

    /** JSON's own types are the contract: Jackson's lenient coercions would let each of these through. */
    @Test
    void a_value_of_the_wrong_json_type_is_400_and_changes_nothing() {
        String customer = newCustomer("Strict");
        String assets = "/api/customers/" + customer + "/assets";
        Map<String, String> bodies = Map.of(
                "make", "{\"kind\":\"VEHICLE\",\"make\":true,\"model\":\"Golf\"}",
                "model", "{\"kind\":\"VEHICLE\",\"make\":\"VW\",\"model\":42}",
                "kind", "{\"kind\":0,\"make\":\"VW\",\"model\":\"Golf\"}",
                "year", "{\"kind\":\"VEHICLE\",\"make\":\"VW\",\"model\":\"Golf\",\"year\":2020.7}",
                "odometer", "{\"kind\":\"VEHICLE\",\"make\":\"VW\",\"model\":\"Golf\",\"odometer\":\"1000\"}");
        bodies.forEach((field, body) -> {
            Api.Response response = api.as(Role.ADVISOR).send("POST", assets, body, "application/json");
            assertProblem(response, 400);
            assertThat(response.json().get("detail").asString()).as(body).contains(field);
        });
        Api.Response text = api.as(Role.ADVISOR).send("POST", "/api/customers",
                "{\"name\":123,\"email\":\"strict@example.com\"}", "application/json");
        assertProblem(text, 400);
        assertThat(text.json().get("detail").asString()).contains("name").contains("a JSON string");

        Api.Response valid = api.as(Role.ADVISOR).post(assets, Map.of("kind", "VEHICLE", "make", "VW", "model", "Golf"));
        assertThat(valid.status()).as(valid.toString()).isEqualTo(201);
        JsonNode detail = readAfter(valid, Role.ADVISOR, "/api/customers/" + customer).json();
        assertThat(detail.get("assets")).hasSize(1);
        assertThat(detail.get("version").asLong()).isEqualTo(1);
        assertThat(readAfter(valid, Role.ADVISOR, "/api/customers?search=strict@example.com").json()
                .get("totalItems").asInt()).isZero();
    }

    /** Refused before any controller saw it (the firewall, Tomcat's parameter decoding): still a problem. */
    @Test
    void a_malformed_url_or_parameter_is_a_400_problem() throws Exception {
        assertProblem(api.as(Role.ADVISOR).get("/api/customers?search=%ff"), 400);
        assertProblem(api.as(Role.ADVISOR).get("/api/customers/%2e%2e/x"), 400);
        assertProblem(api.as(Role.ADVISOR).get("/api/customers;jsessionid=1"), 400);
        assertProblem(api.as(Role.ADVISOR).get("/error"), 404);

        // raw characters that should be percent-encoded (java.net.URI refuses them, so a socket)
        String search = rawGet("/api/customers?search=a|b{c}");
        assertThat(search).startsWith("HTTP/1.1 200").contains("\"items\"");
        String path = rawGet("/api/customers/a|b");
        assertThat(path).as(path).startsWith("HTTP/1.1 404").contains("application/problem+json").doesNotContain("<html");
        Api.Response html = api.as(Role.ADVISOR).header("Accept", "text/html").get("/api/customers/%2e%2e/x");
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.body()).doesNotContain("Exception").doesNotContain("<html");
    }

    private String rawGet(String rawPath) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String request = "GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + api.token(Role.ADVISOR) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void no_token_and_a_bad_token_are_401() {
        Api.Response none = api.anonymous().get("/api/customers");
        assertProblem(none, 401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(api.anonymous().header("Authorization", "Bearer not.a.jwt").get("/api/customers"), 401);
        assertProblem(api.anonymous().post("/api/customers", Map.of("name", "x")), 401);
    }

    @Test
    void a_role_that_may_not_is_403_before_the_body_is_read() {
        assertProblem(api.as(Role.AUDITOR).send("POST", "/api/customers", "{broken", "application/json"), 403);
    }

    @Test
    void unknown_ids_and_paths_are_404() {
        assertProblem(api.as(Role.ADVISOR).get("/api/customers/0d3b4a1e-1111-4222-8333-444455556666"), 404);
        assertProblem(api.as(Role.ADVISOR).get("/api/no-such-thing"), 404);
    }

    @Test
    void a_wrong_method_is_405() {
        assertProblem(api.as(Role.ADMIN).send("PUT", "/api/customers", "{}", "application/json"), 405);
    }

    @Test
    void a_wrong_media_type_is_415() {
        assertProblem(api.as(Role.ADVISOR).send("POST", "/api/customers", "name=x", "text/plain"), 415);
        assertProblem(api.as(Role.ADVISOR).send("POST", "/api/customers", "<a/>", "application/xml"), 415);
    }

    @Test
    void a_rule_conflict_is_409_naming_the_rule() {
        String email = unique("conflict") + "@example.com";
        api.as(Role.ADVISOR).post("/api/customers", Map.of("name", "A", "email", email));
        Api.Response conflict = api.as(Role.ADVISOR).post("/api/customers", Map.of("name", "B", "email", email));
        assertProblem(conflict, 409);
        assertThat(conflict.json().get("type").asString()).endsWith("/email-in-use");
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        String id = newCustomer("Versioned");
        Api.Response first = api.as(Role.ADVISOR).header("If-Match", "\"0\"").patch("/api/customers/" + id,
                Map.of("name", "Versioned Once"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Api.Response stale = api.as(Role.ADVISOR).header("If-Match", "\"0\"").patch("/api/customers/" + id,
                Map.of("name", "Lost Update"));
        assertProblem(stale, 412);
        Api.Response ahead = api.as(Role.ADVISOR).header("If-Match", "7").patch("/api/customers/" + id,
                Map.of("name", "From The Future"));
        assertProblem(ahead, 412);
        assertProblem(api.as(Role.ADVISOR).header("If-Match", "yesterday").patch("/api/customers/" + id,
                Map.of("name", "Garbage")), 400);

        JsonNode customer = readAfter(first, Role.ADVISOR, "/api/customers/" + id).json();
        assertThat(customer.get("name").asString()).isEqualTo("Versioned Once");
        assertThat(customer.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_body_over_the_limit_is_413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"email\":\"big@example.com\"}";
        assertProblem(api.as(Role.ADVISOR).send("POST", "/api/customers", big, "application/json"), 413);
    }

    @Test
    void the_request_id_is_echoed_or_made_and_never_trusted_blindly() {
        Api.Response echoed = api.as(Role.ADVISOR).header("X-Request-Id", "client-abc-123").get("/api/customers");
        assertThat(echoed.header("X-Request-Id")).isEqualTo("client-abc-123");

        Api.Response generated = api.as(Role.ADVISOR).get("/api/customers");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");

        Api.Response hostile = api.as(Role.ADVISOR).header("X-Request-Id", "<script>alert(1)</script>").get("/api/customers");
        assertThat(hostile.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        Api.Response tooLong = api.as(Role.ADVISOR).header("X-Request-Id", "a".repeat(500)).get("/api/customers");
        assertThat(tooLong.header("X-Request-Id")).hasSize(36);

        Api.Response error = api.anonymous().header("X-Request-Id", "trace-me").get("/api/customers");
        assertThat(error.json().get("requestId").asString()).isEqualTo("trace-me");
    }
}
