package io.wrench.api.support;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check that every HTTP test runs on every answer can fail: an unlisted status, a wrong body. */
class ContractCheckTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {"/api/things/{id}": {"get": {"responses": {
              "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
              "404": {"content": {"application/problem+json": {"schema": {"type": "object", "required": ["status"]}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"],
               "properties": {"id": {"type": "string", "format": "uuid"}, "count": {"type": ["integer", "null"]}}}}}}
            """;

    private static ContractCheck check() throws Exception {
        Constructor<ContractCheck> constructor = ContractCheck.class.getDeclaredConstructor(
                com.fasterxml.jackson.databind.JsonNode.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new com.fasterxml.jackson.databind.ObjectMapper().readTree(DOCUMENT));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_documented_answer_passes() throws Exception {
        URI uri = URI.create("http://localhost/api/things/1");
        assertThatCode(() -> check().check("GET", uri, 200, "application/json",
                bytes("{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"count\":null}"))).doesNotThrowAnyException();
        assertThatCode(() -> check().check("GET", URI.create("http://localhost/actuator/health"), 503,
                "application/json", bytes("{}"))).as("not described: not checked").doesNotThrowAnyException();
    }

    @Test
    void an_unlisted_status_a_wrong_body_or_media_type_fails() throws Exception {
        ContractCheck check = check();
        URI uri = URI.create("http://localhost/api/things/1");
        assertThatThrownBy(() -> check.check("GET", uri, 500, "application/problem+json", bytes("{\"status\":500}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not list");
        assertThatThrownBy(() -> check.check("GET", uri, 200, "application/json", bytes("{\"id\":\"not-a-uuid\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> check.check("GET", uri, 200, "application/json", bytes("{\"count\":1}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> check.check("GET", uri, 404, "text/html", bytes("<html>")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("text/html");
    }
}
