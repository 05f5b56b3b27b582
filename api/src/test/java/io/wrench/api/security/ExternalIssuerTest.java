package io.wrench.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.wrench.api.WrenchApplication;
import io.wrench.api.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API behind an external identity provider (its key set served here): exp is required, the
 * audience checked, only the configured algorithms accepted, and an unreachable provider is a 503
 * problem with Retry-After, not a 500. Swagger UI logs in at that provider (its discovery document),
 * and the docs page's CSP lets the browser reach it and nothing else.
 */
class ExternalIssuerTest {

    private static final String ISSUER = "http://127.0.0.1:18180/realms/wrench";

    @Test
    void tokens_from_an_external_issuer_are_checked_and_an_unreachable_issuer_is_503() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        issuer.start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WrenchApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:external-issuer;DB_CLOSE_DELAY=-1",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                                + issuer.getAddress().getPort() + "/keys",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                        "--spring.security.oauth2.resourceserver.jwt.jws-algorithms=RS256,ES256",
                        "--wrench.security.audience=wrench-api",
                        "--wrench.security.accepted-algorithms=RS256")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());

            assertThat(get(api, rs256(rsa, c -> { })).status()).isEqualTo(200);
            assertUnauthorized(get(api, rs256(rsa, c -> c.expirationTime(null))), "no exp");
            assertUnauthorized(get(api, rs256(rsa, c -> c.audience("admin-cli"))), "another audience");
            assertUnauthorized(get(api, rs256(rsa, c -> c.audience((String) null))), "no audience");
            assertUnauthorized(get(api, sign(new ECDSASigner(ec), new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .keyID("ec-1").build(), c -> { })), "an algorithm not accepted");

            assertUnauthorized(get(api, rs256(rsa, c -> c.issuer("http://elsewhere/realms/wrench"))), "another issuer");

            // the document points at the issuer's discovery document (Swagger UI takes the endpoints
            // from there), offers no flow of the embedded issuer, and the docs page may talk to exactly
            // that issuer
            var schemes = Api.JSON.readTree(api.anonymous().get("/v3/api-docs").body()).get("components")
                    .get("securitySchemes");
            assertThat(schemes.get("oidc").get("type").asString()).isEqualTo("openIdConnect");
            assertThat(schemes.get("oidc").get("openIdConnectUrl").asString())
                    .isEqualTo(ISSUER + "/.well-known/openid-configuration");
            assertThat(schemes.has("oauth2")).as("no client-credentials flow at /oauth2/token").isFalse();
            assertThat(api.anonymous().get("/swagger-ui/index.html").header("Content-Security-Policy"))
                    .contains("connect-src 'self' " + ISSUER + "/;")
                    .doesNotContain("connect-src 'self' http://127.0.0.1:18180;")
                    .doesNotContain("*");
            assertThat(get(api, rs256(rsa, c -> { })).header("Content-Security-Policy"))
                    .as("API answers keep the strict policy").startsWith("default-src 'none'");

            issuer.stop(0);
            RSAKey unknown = new RSAKeyGenerator(2048).keyID("rsa-rotated").generate();
            Api.Response unreachable = get(api, rs256(unknown, c -> { }));
            assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(503);
            assertThat(unreachable.header("Retry-After")).isEqualTo("30");
            assertThat(unreachable.header("Content-Type")).startsWith("application/problem+json");
            assertThat(unreachable.json().get("requestId").asString()).isEqualTo(unreachable.header("X-Request-Id"));
        } finally {
            issuer.stop(0);
        }
    }

    private static Api.Response get(Api api, String token) {
        return api.anonymous().header("Authorization", "Bearer " + token).get("/api/customers");
    }

    private static void assertUnauthorized(Api.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(401);
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
    }

    private static String rs256(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        return sign(new RSASSASigner(key), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                change);
    }

    private static String sign(com.nimbusds.jose.JWSSigner signer, JWSHeader header,
                               Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("external-client")
                .audience("wrench-api")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of("ADVISOR"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }
}
