package io.wrench.api.audit;

import io.wrench.api.web.RequestMetadata;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** The audit trail's settings ({@code wrench.audit.*}). */
@ConfigurationProperties("wrench.audit")
public class AuditProperties {

    /**
     * JWT claims tried in order for the readable name recorded with every event ({@code userName});
     * the subject when none of them is present.
     */
    private List<String> userNameClaims = new ArrayList<>(RequestMetadata.DEFAULT_NAME_CLAIMS);
    /**
     * File with the private P-256 key (a JWK with {@code d}) that signs ledger digests (ES256). When unset, a
     * development key is generated once and kept in the database, with a warning at start-up.
     */
    private String signingKeyFile;
    /** Most items one page of {@code GET /api/audit/events} may hold. */
    private int maxPageSize = 500;

    public List<String> getUserNameClaims() { return userNameClaims; }
    public void setUserNameClaims(List<String> userNameClaims) { this.userNameClaims = userNameClaims; }
    public String getSigningKeyFile() { return signingKeyFile; }
    public void setSigningKeyFile(String signingKeyFile) { this.signingKeyFile = signingKeyFile; }
    public int getMaxPageSize() { return maxPageSize; }
    public void setMaxPageSize(int maxPageSize) { this.maxPageSize = maxPageSize; }
}
