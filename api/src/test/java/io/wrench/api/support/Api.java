package io.wrench.api.support;

import io.wrench.api.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A client of the running application over real HTTP, with real tokens from the embedded issuer.
 * Every answer is checked against the application's OpenAPI document ({@link ContractCheck}).
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Role, String> tokens;

    public Api(int port) {
        this(port, new EnumMap<>(Role.class));
    }

    private Api(int port, Map<Role, String> tokens) {
        this.base = "http://localhost:" + port;
        this.tokens = tokens;
    }

    /** A client of another instance that sends the tokens this one was issued (and shares new ones). */
    public Api sharingTokensWith(int otherPort) {
        return new Api(otherPort, tokens);
    }

    public synchronized String token(Role role) {
        return tokens.computeIfAbsent(role, r -> {
            String client = r.name().toLowerCase(Locale.ROOT);
            Response response = anonymous()
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (client + "-client:" + client + "-secret").getBytes(StandardCharsets.UTF_8)))
                    .send("POST", "/oauth2/token", "grant_type=client_credentials", "application/x-www-form-urlencoded");
            if (response.status() != 200) {
                throw new IllegalStateException("no token for " + r + ": " + response.status() + " " + response.body());
            }
            return response.json().get("access_token").asString();
        });
    }

    public Call as(Role role) {
        return new Call().header("Authorization", "Bearer " + token(role));
    }

    public Call anonymous() {
        return new Call();
    }

    public final class Call {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean checked = true;

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response get(String path) {
            return send("GET", path, null, null);
        }

        public Response post(String path, Object body) {
            return send("POST", path, body == null ? null : JSON.writeValueAsString(body), "application/json");
        }

        public Response put(String path, Object body) {
            return send("PUT", path, JSON.writeValueAsString(body), "application/json");
        }

        public Response patch(String path, Object body) {
            return send("PATCH", path, JSON.writeValueAsString(body), "application/json");
        }

        public Response delete(String path) {
            return send("DELETE", path, null, null);
        }

        public Response send(String method, String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            return execute(request.build());
        }

        public Response sendBytes(String method, String path, byte[] body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            return execute(request.build());
        }

        /** POST of one file as the multipart part {@code file}, the way a browser form sends it. */
        public Response upload(String path, String filename, String contentType, byte[] content) {
            String boundary = "wrench-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return sendBytes("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
        }

        /** Sends without checking the answer against the OpenAPI document. */
        public Call unchecked() {
            checked = false;
            return this;
        }

        private Response execute(HttpRequest request) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (checked) {
                    ContractCheck.of(base, http).check(request.method(), request.uri(), response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(null), response.body());
                }
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, HttpHeaders headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String id() {
            return json().get("id").asString();
        }

        public String consistencyToken() {
            return header("X-Consistency-Token");
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
