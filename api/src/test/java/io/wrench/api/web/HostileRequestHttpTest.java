package io.wrench.api.web;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a client can send that once answered 500 or Tomcat's HTML page (issue 11): each is a 4xx
 * problem detail with the request id, whoever refuses it (Tomcat, the servlet layer, Spring, Jackson).
 */
class HostileRequestHttpTest extends HttpTestSupport {

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void a_malformed_multipart_body_is_400_not_500() {
        String imports = "/api/inventory/imports";
        Api.Call storekeeper = api.as(Role.STOREKEEPER);
        assertProblem(storekeeper.sendBytes("POST", imports, "garbage, not multipart".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=xyz"), 400);
        assertProblem(storekeeper.sendBytes("POST", imports, "--xyz\r\n\r\nno headers\r\n--xyz--\r\n"
                .getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=xyz"), 400);
        assertProblem(storekeeper.sendBytes("POST", imports, "whatever".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data"), 400);
    }

    @Test
    void a_page_past_the_largest_offset_is_400_on_every_list() {
        Api.Response item = newStockItem(unique("PG"), "Paged");
        for (String list : List.of("/api/customers", "/api/inventory/items", "/api/work-orders",
                "/api/inventory/items/" + item.id() + "/movements")) {
            Api.Response response = api.as(Role.ADVISOR).get(list + "?page=107374183");
            assertProblem(response, 400);
            assertThat(response.json().get("errors").findValuesAsString("field")).as(list).containsExactly("page");
            assertThat(readAfter(item, Role.ADVISOR, list + "?page=10000000&size=200").status()).as(list).isEqualTo(200);
        }
    }

    @Test
    void what_tomcat_refuses_is_a_problem_detail_with_a_request_id() throws IOException {
        for (String path : List.of("/api/customers/%5C", "/api/customers/a%2Fb", "/api/customers/%00",
                "/api/customers/a\\b", "/api/customers%5c..%5cactuator")) {
            assertRawProblem(raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth() + "Connection: close\r\n\r\n"),
                    400, path);
        }
        String bigHeader = "X-Big: " + "a".repeat(17_000) + "\r\n";
        assertRawProblem(raw("GET /api/customers HTTP/1.1\r\nHost: localhost\r\n" + bigHeader + auth()
                + "Connection: close\r\n\r\n"), 400, "a 17 KB header");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertRawProblem(raw("GET /api/customers HTTP/1.1\r\nHost: localhost\r\n" + many + auth()
                + "Connection: close\r\n\r\n"), 400, "300 headers");
    }

    private String auth() {
        return "Authorization: Bearer " + api.token(Role.ADVISOR) + "\r\n";
    }

    private static void assertRawProblem(String response, int status, String what) {
        assertThat(response).as(what + ": " + response).startsWith("HTTP/1.1 " + status);
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split).toLowerCase();
        String body = response.substring(split + 4);
        assertThat(head).as(what + ": " + response).contains("content-type: application/problem+json");
        String requestId = head.lines().filter(l -> l.startsWith("x-request-id: ")).findFirst()
                .map(l -> l.substring("x-request-id: ".length()).trim()).orElse(null);
        assertThat(requestId).as(what + ": " + response).isNotBlank();
        JsonNode problem = Api.JSON.readTree(body);
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.get("requestId").asString()).as(what).isEqualTo(requestId);
        assertThat(body).as(what).doesNotContain("<html").doesNotContain("Tomcat");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void empty_or_lax_parameters_are_400() {
        for (String query : List.of("/api/customers?size=", "/api/customers?page=", "/api/customers?archived=1",
                "/api/customers?archived=", "/api/customers?archived=yes", "/api/inventory/items?lowStock=on",
                "/api/work-orders?overdue=0", "/api/work-orders?customerId=", "/api/customers?page=x")) {
            assertProblem(api.as(Role.ADVISOR).get(query), 400);
        }
        assertThat(api.as(Role.ADVISOR).get("/api/customers?archived=false&page=0&size=5").status()).isEqualTo(200);
        assertThat(api.as(Role.ADVISOR).get("/api/customers?search=").status()).isEqualTo(200);
    }

    @Test
    void duplicate_keys_in_a_body_are_400() {
        Api.Response response = api.as(Role.ADVISOR).send("POST", "/api/customers",
                "{\"name\":\"A\",\"name\":\"B\",\"email\":\"dup@example.com\"}", "application/json");
        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("name");
    }

    @Test
    void invalid_unicode_is_400_and_valid_unicode_round_trips() {
        Api.Response lone = api.as(Role.ADVISOR).send("POST", "/api/customers",
                "{\"name\":\"A\\ud800\",\"email\":\"" + unique("lone") + "@example.com\"}", "application/json");
        assertProblem(lone, 400);
        assertThat(lone.json().get("detail").asString()).contains("name");
        Api.Response reversed = api.as(Role.ADVISOR).send("POST", "/api/customers",
                "{\"name\":\"A\\udc00\\ud800\",\"email\":\"" + unique("rev") + "@example.com\"}", "application/json");
        assertProblem(reversed, 400);
        byte[] badUtf8 = ("{\"name\":\"A\u0000\",\"email\":\"x@example.com\"}").getBytes(StandardCharsets.UTF_8);
        badUtf8[10] = (byte) 0xC3;
        assertProblem(api.as(Role.ADVISOR).sendBytes("POST", "/api/customers", badUtf8, "application/json"), 400);

        Api.Response emoji = api.as(Role.ADVISOR).send("POST", "/api/customers",
                "{\"name\":\"Gar\\u00e7age \\ud83d\\udd27\",\"email\":\"" + unique("emoji") + "@example.com\"}",
                "application/json");
        assertThat(emoji.status()).as(emoji.toString()).isEqualTo(201);
        assertThat(readAfter(emoji, Role.ADVISOR, "/api/customers/" + emoji.id()).json().get("name").asString())
                .isEqualTo("Garçage \uD83D\uDD27");
    }

    @Test
    void an_unsupported_multipart_where_json_is_expected_is_415() {
        assertProblem(api.as(Role.ADVISOR).sendBytes("POST", "/api/customers", "x".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=xyz"), 415);
    }
}
