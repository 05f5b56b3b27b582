package io.wrench.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each token is verified once while it is valid; the cache never outlives a token or its bound. */
class HardenedJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    private JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "ES256").subject("c").expiresAt(expiresAt)
                    .issuedAt(NOW.minusSeconds(10)).build();
        };
    }

    private static HardenedJwtDecoder decoder(JwtDecoder verifier, Instant now, int size) {
        return new HardenedJwtDecoder(verifier, null, Set.of("ES256"), size, Clock.fixed(now, ZoneOffset.UTC));
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

    @Test
    void an_expired_token_is_not_served_from_the_cache() {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        boolean[] expired = {false};
        HardenedJwtDecoder decoder = new HardenedJwtDecoder(token -> {
            verifications.incrementAndGet();
            if (expired[0]) {
                throw new BadJwtException("expired");
            }
            return verifier(NOW.plusSeconds(60)).decode(token);
        }, null, Set.of("ES256"), 10, clock);
        decoder.decode("t1");
        now[0] = NOW.plusSeconds(60);
        expired[0] = true;
        assertThatThrownBy(() -> decoder.decode("t1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void the_cache_is_bounded() {
        HardenedJwtDecoder decoder = decoder(verifier(NOW.plusSeconds(60)), NOW, 2);
        decoder.decode("a");
        decoder.decode("b");
        decoder.decode("c");
        decoder.decode("a");
        assertThat(verifications).as("a was evicted by c").hasValue(4);
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
