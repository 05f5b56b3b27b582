package io.wrench.api.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs ledger digests with ES256 (ECDSA P-256, SHA-256; the signature is JOSE's 64-byte R||S, base64url)
 * over the RFC 8785 canonical form of {@code {treeSize, rootHash, at, keyId}}.
 */
public final class DigestSigner {

    private static final Logger log = LoggerFactory.getLogger(DigestSigner.class);
    static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final String DEV_KEY_ID = "wrench-development";

    private final ECPrivateKey privateKey;
    private final ECKey publicJwk;

    DigestSigner(ECPrivateKey privateKey, ECPublicKey publicKey) {
        this.privateKey = privateKey;
        try {
            this.publicJwk = new ECKey.Builder(Curve.P_256, publicKey).keyIDFromThumbprint()
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.ES256)
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configured key, or the development key kept in the database (generated on first use). */
    static DigestSigner load(AuditProperties properties, JdbcTemplate jdbc) {
        try {
            if (properties.getSigningKeyFile() != null && !properties.getSigningKeyFile().isBlank()) {
                return fromJwk(Files.readString(Path.of(properties.getSigningKeyFile())));
            }
            log.warn("Ledger digests are signed with a DEVELOPMENT key kept in the database; anyone who can write the "
                    + "database can forge them. Set wrench.audit.signing-key-file to a P-256 private JWK for real use.");
            List<String> stored = jdbc.queryForList("select private_key from audit_signing_key where id = ?",
                    String.class, DEV_KEY_ID);
            if (!stored.isEmpty()) {
                return fromJwk(stored.get(0));
            }
            ECKey generated = new ECKeyGenerator(Curve.P_256).generate();
            try {
                jdbc.update("insert into audit_signing_key (id, private_key, created_at) values (?, ?, ?)", DEV_KEY_ID,
                        generated.toJSONString(), OffsetDateTime.now(ZoneOffset.UTC));
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                return load(properties, jdbc);
            }
            return new DigestSigner(generated.toECPrivateKey(), generated.toECPublicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("the audit signing key cannot be read (a P-256 JWK with \"d\" is expected)", e);
        }
    }

    static DigestSigner fromJwk(String json) throws ParseException, JOSEException {
        ECKey key = ECKey.parse(json);
        if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
            throw new ParseException("not a private P-256 key", 0);
        }
        return new DigestSigner(key.toECPrivateKey(), key.toECPublicKey());
    }

    public String keyId() {
        return publicJwk.getKeyID();
    }

    public Map<String, Object> publicJwk() {
        return publicJwk.toPublicJWK().toJSONObject();
    }

    /** The digest of a tree: {@code {treeSize, rootHash, at, keyId, signature}}. */
    public Map<String, Object> digest(long treeSize, byte[] root, Instant at) {
        String rootHash = EventHash.hex(root);
        String signature = sign(signedPart(treeSize, rootHash, at.toString(), keyId()));
        return new java.util.LinkedHashMap<>(Map.of("treeSize", treeSize, "rootHash", rootHash, "at", at.toString(),
                "keyId", keyId(), "signature", signature));
    }

    static byte[] signedPart(long treeSize, String rootHash, String at, String keyId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("treeSize", treeSize);
        node.put("rootHash", rootHash);
        node.put("at", at);
        node.put("keyId", keyId);
        return CanonicalJson.bytes(node);
    }

    private String sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this key signed {@code {treeSize, rootHash, at}}. */
    boolean verifies(long treeSize, String rootHash, String at, String signature) {
        try {
            return verify(treeSize, rootHash, at, keyId(), signature, publicJwk.toECPublicKey());
        } catch (JOSEException e) {
            return false;
        }
    }

    static boolean verify(long treeSize, String rootHash, String at, String keyId, String signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedPart(treeSize, rootHash, at, keyId));
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Checks a digest's signature with a public key (a JWK as {@code GET /api/audit/digest-key} gives it). */
    public static boolean verify(Map<String, Object> digest, PublicKey key) {
        try {
            return verify(((Number) digest.get("treeSize")).longValue(), (String) digest.get("rootHash"),
                    (String) digest.get("at"), (String) digest.get("keyId"), (String) digest.get("signature"), key);
        } catch (ClassCastException | NullPointerException e) {
            return false;
        }
    }
}
