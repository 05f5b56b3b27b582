package io.wrench.api.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The checks Spring's decoders leave out, around whichever decoder verifies the signature (the
 * embedded issuer's or the identity provider's): a token must expire ({@code exp}), be meant for this
 * API when an audience is configured, and be signed with an accepted algorithm. A failure to reach
 * the identity provider's keys is {@link IdentityProviderUnavailable} (503), never a 500.
 * <p>
 * Verified tokens are remembered, keyed by the whole token text (so a token changed in any byte is a
 * miss and verified in full), until the earlier of their {@code exp} and {@code recheckAfter} after
 * their verification: an ES256 check costs ~1.7 ms of CPU, most of a request's. The second bound is for
 * key rotation: a token whose key has left the issuer's key set is verified again, and refused, at
 * most {@code recheckAfter} after it was last verified (Spring's key-set cache adds its own 5 minutes
 * for a remote key set). The cache is bounded; the least recently used token goes first.
 */
final class HardenedJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final String audience;
    private final Set<String> algorithms;
    private final Clock clock;
    private final Duration recheckAfter;
    private final Map<String, Verified> verified;

    HardenedJwtDecoder(JwtDecoder verifier, String audience, Set<String> algorithms, int cacheSize,
                       Duration recheckAfter, Clock clock) {
        this.verifier = verifier;
        this.audience = audience == null || audience.isBlank() ? null : audience;
        this.algorithms = Set.copyOf(algorithms);
        this.clock = clock;
        this.recheckAfter = recheckAfter;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > cacheSize;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
            if (known != null && !now.isBefore(known.until())) {
                verified.remove(token);
                known = null;
            }
        }
        if (known != null) {
            return known.jwt();
        }
        Jwt jwt = check(verify(token));
        Instant recheck = now.plus(recheckAfter);
        Instant until = jwt.getExpiresAt().isBefore(recheck) ? jwt.getExpiresAt() : recheck;
        synchronized (verified) {
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    /** How many verified tokens are remembered now (expired ones leave on their next use or by eviction). */
    int cached() {
        synchronized (verified) {
            return verified.size();
        }
    }

    /** A verified token and the instant it must be verified again (its expiry or the re-check bound). */
    private record Verified(Jwt jwt, Instant until) {
    }

    private Jwt verify(String token) {
        try {
            return verifier.decode(token);
        } catch (BadJwtException bad) {
            throw bad;
        } catch (JwtException | JwtDecoderInitializationException unverifiable) {
            // the signature could not be checked at all: the keys (or, with only an issuer-uri, the
            // issuer's metadata, fetched on first use) could not be fetched
            throw new IdentityProviderUnavailable(unverifiable);
        }
    }

    private Jwt check(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            throw new BadJwtException("the token has no expiry (exp)");
        }
        Object algorithm = jwt.getHeaders().get("alg");
        if (algorithm == null || !algorithms.contains(algorithm.toString())) {
            throw new BadJwtException("the token's signature algorithm is not accepted");
        }
        if (audience != null && (jwt.getAudience() == null || !jwt.getAudience().contains(audience))) {
            throw new BadJwtException("the token is not meant for this API (aud)");
        }
        return jwt;
    }

    /** The identity provider (its key set) could not be reached; the client should retry later. */
    static final class IdentityProviderUnavailable extends BadJwtException {
        IdentityProviderUnavailable(Throwable cause) {
            super("the identity provider could not be reached to verify the token", cause);
        }
    }
}
