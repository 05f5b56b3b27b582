package io.wrench.api.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The embedded issuer's signing key (P-256, ES256), the same on every instance and across restarts,
 * so a token issued by one instance is accepted by all of them until it expires. A key given in
 * {@code wrench.security.embedded-issuer-key} (a private JWK) wins; otherwise the first instance to
 * need one generates it and stores it in {@code embedded_issuer_key}, where the others read it. It is
 * a development issuer: the private key lies in the application's own database.
 * <p>
 * Loaded on first use (the first token), not at start-up, so the migrations have run by then.
 */
final class SharedSigningKey implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SharedSigningKey.class);
    static final String SLOT = "signing";

    private final JdbcTemplate jdbc;
    private final String configured;
    private final Clock clock;
    private volatile JWKSet keys;

    SharedSigningKey(JdbcTemplate jdbc, String configured, Clock clock) {
        this.jdbc = jdbc;
        this.configured = configured == null ? "" : configured.trim();
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return selector.select(keys());
    }

    JWKSet keys() throws KeySourceException {
        JWKSet current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = new JWKSet(load());
                }
                current = keys;
            }
        }
        return current;
    }

    private JWK load() throws KeySourceException {
        try {
            if (!configured.isEmpty()) {
                return JWK.parse(configured);
            }
            List<String> stored = jdbc.queryForList("select jwk from embedded_issuer_key where key_id = ?", String.class, SLOT);
            if (!stored.isEmpty()) {
                return JWK.parse(stored.get(0));
            }
            JWK generated = generate();
            try {
                jdbc.update("insert into embedded_issuer_key (key_id, jwk, created_at) values (?, ?, ?)",
                        SLOT, generated.toJSONString(), clock.millis());
                log.warn("Embedded issuer: generated a new signing key and stored it in the database; "
                        + "every instance on this database signs and accepts tokens with it");
                return generated;
            } catch (DuplicateKeyException raced) {
                return JWK.parse(jdbc.queryForObject("select jwk from embedded_issuer_key where key_id = ?", String.class, SLOT));
            }
        } catch (ParseException e) {
            throw new KeySourceException("the embedded issuer's signing key is not a valid JWK", e);
        }
    }

    private static JWK generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
