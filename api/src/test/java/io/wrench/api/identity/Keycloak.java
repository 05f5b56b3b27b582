package io.wrench.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The running Keycloak and Wrench of .ci/keycloak, as an operator or a browser reaches them: token
 * requests, Keycloak's login form over HTTP (authorization code + PKCE, device grant), and its admin API.
 * Both addresses are required: without them (or unreachable) the checks fail, they never skip.
 */
final class Keycloak {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REALM = "wrench";

    final String url = required("wrench.keycloak.url");
    final String appUrl = required("wrench.keycloak.app-url");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    String realmUrl(String realm) {
        return url + "/realms/" + realm;
    }

    String tokenEndpoint(String realm) {
        return realmUrl(realm) + "/protocol/openid-connect/token";
    }

    /** A client-credentials token of a confidential client. */
    String clientToken(String realm, String clientId, String secret) {
        return accessToken(post(tokenEndpoint(realm), Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret), null));
    }

    /** POSTs a form; answers the status and body. */
    Response post(String uri, Map<String, String> form, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(http, request.build());
    }

    /** Calls Wrench with a bearer token. */
    Response app(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(http, request.build());
    }

    /** The admin API of Keycloak (the compose file's bootstrap admin, admin/admin unless told otherwise). */
    Response admin(String method, String path, Object body) {
        String token = accessToken(post(tokenEndpoint("master"), Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", System.getProperty("wrench.keycloak.admin", "admin"),
                "password", System.getProperty("wrench.keycloak.admin-password", "admin")), null));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/admin" + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return send(http, request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A browser without JavaScript: logs in as {@code username} through authorization code + PKCE (S256)
     * at the realm's authorization endpoint and answers the token endpoint's response.
     */
    Response loginWithPkce(String clientId, String redirectUri, String username, String password,
                           boolean sendVerifier) {
        Browser browser = new Browser();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String authorize = realmUrl(REALM) + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "redirect_uri", redirectUri, "response_type", "code", "scope", "openid",
                "state", state, "code_challenge", s256(verifier), "code_challenge_method", "S256"));
        Response landing = browser.logIn(browser.get(authorize), username, password);
        String location = landing.location();
        if (location == null || !location.startsWith(redirectUri)) {
            throw new AssertionError("no redirect back to " + redirectUri + " after the login: " + landing);
        }
        Map<String, String> query = query(URI.create(location).getRawQuery());
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("state not echoed: " + location);
        }
        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "client_id", clientId, "redirect_uri", redirectUri, "code", query.get("code")));
        if (sendVerifier) {
            exchange.put("code_verifier", verifier);
        }
        return post(tokenEndpoint(REALM), exchange, null);
    }

    /** The device grant of a terminal: asks for a code, logs in on the verification page, collects the token. */
    Response loginWithDeviceGrant(String clientId, String username, String password) {
        JsonNode device = post(realmUrl(REALM) + "/protocol/openid-connect/auth/device",
                Map.of("client_id", clientId), null).json();
        Browser browser = new Browser();
        Response page = browser.logIn(browser.get(device.path("verification_uri_complete").asText()), username, password);
        while (page.location() != null) {
            page = browser.get(page.location());
        }
        Document grant = Jsoup.parse(page.body(), page.uri());
        Element consent = grant.selectFirst("form:has([name=accept])");
        if (consent != null) {
            browser.submit(consent, Map.of("accept", "Yes"));
        }
        return post(tokenEndpoint(REALM), Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", clientId, "device_code", device.path("device_code").asText()), null);
    }

    /** A cookie-keeping HTTP client that does not follow redirects, so each hop can be looked at. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        Response get(String uri) {
            return send(client, HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build());
        }

        /** Follows redirects inside Keycloak to its login form and submits it; answers Keycloak's answer to that. */
        Response logIn(Response page, String username, String password) {
            while (page.location() != null && page.location().startsWith(url)) {
                page = get(page.location());
            }
            Element login = Jsoup.parse(page.body(), page.uri()).getElementById("kc-form-login");
            if (login == null) {
                throw new AssertionError("no Keycloak login form at " + page.uri() + ": " + page);
            }
            return submit(login, Map.of("username", username, "password", password));
        }

        Response submit(Element form, Map<String, String> values) {
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
            fields.putAll(values);
            return send(client, HttpRequest.newBuilder(URI.create(form.absUrl("action"))).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
        }
    }

    /**
     * The cookies of one site (Keycloak), sent back on every request like a browser at http://localhost
     * would. Java's CookieManager drops Keycloak's: they are Secure (browsers treat localhost as a secure
     * context, Java does not) and Version=1, whose domain matching turns "localhost" into "localhost.local".
     */
    private static final class LocalhostCookies extends java.net.CookieHandler {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) {
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", java.util.List.of(cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, java.util.List<String>> headers) {
            headers.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(header -> java.net.HttpCookie.parse(header).forEach(cookie -> {
                        if (cookie.getMaxAge() == 0) {
                            cookies.remove(cookie.getName());
                        } else {
                            cookies.put(cookie.getName(), cookie.getValue());
                        }
                    }));
                }
            });
        }
    }

    record Response(String uri, int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String location() {
            return headers.firstValue("Location").map(location -> URI.create(uri).resolve(location).toString()).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + uri + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    static String accessToken(Response response) {
        String token = response.status() == 200 ? response.json().path("access_token").asText(null) : null;
        if (token == null) {
            throw new AssertionError("no access token: " + response);
        }
        return token;
    }

    /** The claims of a JWT (not verified: Wrench does that). */
    static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.uri().toString(), response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e
                    + " (.ci/keycloak starts Keycloak and the app before these checks)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank() || value.startsWith("${")) {
            throw new AssertionError("system property " + property + " is not set: run these checks through .ci/keycloak");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
