package io.wrench.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each token is verified once while it is valid; the cache never outlives a token or its bound. */
class HardenedJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration RECHECK = Duration.ofSeconds(60);
    private final AtomicInteger verifications = new AtomicInteger();

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;
        MovingClock(Instant now) { this.now = now; }
        void advance(Duration by) { now = now.plus(by); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** Spring's real decoder over a key set the test can change, as a remote JWK set would. */
    private static JwtDecoder realVerifier(AtomicReference<JWKSet> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSource<SecurityContext> source = (selector, context) -> selector.select(keys.get());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return new NimbusJwtDecoder(processor);
    }

    private static String sign(ECKey key, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "ES256").subject("c").expiresAt(expiresAt)
                    .issuedAt(NOW.minusSeconds(10)).build();
        };
    }

    private static HardenedJwtDecoder decoder(JwtDecoder verifier, Instant now, int size) {
        return new HardenedJwtDecoder(verifier, null, Set.of("ES256"), size, RECHECK, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void a_token_is_verified_once_while_it_is_valid() {
        HardenedJwtDecoder decoder = decoder(verifier(NOW.plusSeconds(60)), NOW, 10);
        decoder.decode("t1");
        decoder.decode("t1");
        decoder.decode("t1");
        assertThat(verifications).hasValue(1);
        decoder.decode("t2");
        assertThat(verifications).hasValue(2);
    }

    /** The verifier here never refuses: only the cache's own expiry check stands between a client and the token. */
    @Test
    void an_expired_token_is_not_served_from_the_cache() {
        MovingClock clock = new MovingClock(NOW);
        HardenedJwtDecoder decoder = new HardenedJwtDecoder(token -> {
            verifications.incrementAndGet();
            if (!clock.instant().isBefore(NOW.plusSeconds(30))) {
                throw new BadJwtException("expired");
            }
            return Jwt.withTokenValue(token).header("alg", "ES256").subject("c").expiresAt(NOW.plusSeconds(30))
                    .issuedAt(NOW.minusSeconds(10)).build();
        }, null, Set.of("ES256"), 10, RECHECK, clock);
        decoder.decode("t1");
        clock.advance(Duration.ofSeconds(29));
        decoder.decode("t1");
        assertThat(verifications).as("cached while valid").hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> decoder.decode("t1")).as("at exp it is verified again, and refused")
                .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(decoder.cached()).isZero();
    }

    @Test
    void a_tampered_token_is_not_a_cache_hit() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        HardenedJwtDecoder decoder = new HardenedJwtDecoder(realVerifier(new AtomicReference<>(new JWKSet(key.toPublicJWK()))),
                null, Set.of("ES256"), 10, RECHECK, Clock.systemUTC());
        String token = sign(key, "advisor-client");
        assertThat(decoder.decode(token).getSubject()).isEqualTo("advisor-client");

        String[] parts = token.split("\\.");
        String otherClaims = sign(key, "admin-client").split("\\.")[1];
        String swappedPayload = parts[0] + "." + otherClaims + "." + parts[2];
        assertThatThrownBy(() -> decoder.decode(swappedPayload)).as("claims changed, signature kept")
                .isInstanceOf(JwtException.class);
        char last = parts[2].charAt(0);
        String badSignature = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertThatThrownBy(() -> decoder.decode(badSignature)).as("signature changed")
                .isInstanceOf(JwtException.class);
        assertThat(decoder.decode(token).getSubject()).isEqualTo("advisor-client");
        assertThat(decoder.cached()).as("only the genuine token is remembered").isEqualTo(1);
    }

    @Test
    void a_token_whose_key_left_the_key_set_is_refused_once_the_recheck_bound_has_passed() throws Exception {
        ECKey old = new ECKeyGenerator(Curve.P_256).keyID("old").generate();
        ECKey rotated = new ECKeyGenerator(Curve.P_256).keyID("new").generate();
        AtomicReference<JWKSet> keys = new AtomicReference<>(new JWKSet(old.toPublicJWK()));
        MovingClock clock = new MovingClock(Instant.now());
        HardenedJwtDecoder decoder = new HardenedJwtDecoder(realVerifier(keys), null, Set.of("ES256"), 10, RECHECK, clock);
        String token = sign(old, "c");
        decoder.decode(token);

        keys.set(new JWKSet(rotated.toPublicJWK()));
        clock.advance(RECHECK.minusSeconds(1));
        assertThat(decoder.decode(token).getSubject()).as("still within the bound").isEqualTo("c");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(token)).as("and not remembered").isInstanceOf(JwtException.class);
        assertThat(decoder.decode(sign(rotated, "c")).getSubject()).isEqualTo("c");
    }

    @Test
    void the_cache_is_bounded() {
        HardenedJwtDecoder decoder = decoder(verifier(NOW.plusSeconds(60)), NOW, 2);
        decoder.decode("a");
        decoder.decode("b");
        decoder.decode("c");
        assertThat(decoder.cached()).isEqualTo(2);
        decoder.decode("a");
        assertThat(verifications).as("a was evicted by c").hasValue(4);
        for (int i = 0; i < 100; i++) {
            decoder.decode("many-" + i);
        }
        assertThat(decoder.cached()).isEqualTo(2);
    }

    /** With only an issuer-uri, Spring fetches the issuer's metadata on the first token: it may be down. */
    @Test
    void an_issuer_that_cannot_be_reached_is_identity_provider_unavailable_not_a_500() {
        JwtDecoder lazy = new org.springframework.security.oauth2.jwt.SupplierJwtDecoder(
                () -> org.springframework.security.oauth2.jwt.JwtDecoders.fromIssuerLocation("http://127.0.0.1:9/realms/x"));
        HardenedJwtDecoder decoder = decoder(lazy, NOW, 10);
        assertThatThrownBy(() -> decoder.decode("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
                .isInstanceOf(HardenedJwtDecoder.IdentityProviderUnavailable.class);
        JwtDecoder keysDown = org.springframework.security.oauth2.jwt.NimbusJwtDecoder
                .withJwkSetUri("http://127.0.0.1:9/keys").build();
        String unsigned = "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5ldyJ9.eyJzdWIiOiJjIn0.c2ln";
        assertThatThrownBy(() -> decoder(keysDown, NOW, 10).decode(unsigned))
                .isInstanceOf(HardenedJwtDecoder.IdentityProviderUnavailable.class);
    }

    @Test
    void a_token_without_exp_is_refused() {
        HardenedJwtDecoder decoder = decoder(token -> Jwt.withTokenValue(token).header("alg", "ES256")
                .subject("c").build(), NOW, 10);
        assertThatThrownBy(() -> decoder.decode("forever")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("exp");
    }
}
