package io.wrench.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Everything Wrench itself can be told; Spring's and Axon's own properties are documented by them. */
@ConfigurationProperties("wrench")
public class WrenchProperties {

    /** Base URL clients and QR codes use to reach this API, e.g. https://wrench.example.com. */
    private String publicBaseUrl = "http://localhost:8080";
    /** Tax rate applied at invoicing, as a fraction (0.20 = 20 %). */
    private BigDecimal taxRate = new BigDecimal("0.20");
    /** Mark-up on the moving-average cost for a part line's default unit price (0.30 = 30 %). */
    private BigDecimal partsMarkup = new BigDecimal("0.30");

    private final Security security = new Security();
    private final Http http = new Http();
    private final Consistency consistency = new Consistency();
    private final Imports imports = new Imports();
    private final Cluster cluster = new Cluster();
    private final Shop shop = new Shop();
    private final Dashboard dashboard = new Dashboard();
    private final RateLimit rateLimit = new RateLimit();
    private final Technicians technicians = new Technicians();

    public String getPublicBaseUrl() { return publicBaseUrl; }
    public void setPublicBaseUrl(String publicBaseUrl) { this.publicBaseUrl = publicBaseUrl; }
    public BigDecimal getTaxRate() { return taxRate; }
    public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    public BigDecimal getPartsMarkup() { return partsMarkup; }
    public void setPartsMarkup(BigDecimal partsMarkup) { this.partsMarkup = partsMarkup; }
    public Security getSecurity() { return security; }
    public Http getHttp() { return http; }
    public Consistency getConsistency() { return consistency; }
    public Imports getImports() { return imports; }
    public Cluster getCluster() { return cluster; }
    public Shop getShop() { return shop; }
    public Dashboard getDashboard() { return dashboard; }
    public RateLimit getRateLimit() { return rateLimit; }
    public Technicians getTechnicians() { return technicians; }

    public static class Technicians {
        /**
         * Technicians registered at start-up when the directory does not know them yet, user id (the JWT
         * subject) to display name, e.g. {@code wrench.technicians.seed.<keycloak-user-id>=Ted Technician}.
         * Someone already registered is left as they are. The embedded default adds its demo technician,
         * {@code technician-client}.
         */
        private java.util.Map<String, String> seed = new java.util.LinkedHashMap<>();

        public java.util.Map<String, String> getSeed() { return seed; }
        public void setSeed(java.util.Map<String, String> seed) { this.seed = seed; }
    }

    public static class Security {
        /**
         * JWT claim that holds the roles; a dotted path reaches into nested claims, so Keycloak's
         * realm roles are {@code realm_access.roles}.
         */
        private String rolesClaim = "roles";
        /** Browser origins allowed to call the API (CORS); none by default. */
        private List<String> corsAllowedOrigins = new ArrayList<>();
        /**
         * The embedded development issuer's signing key, a private EC P-256 JWK (JSON). Empty: the first
         * instance generates one and stores it in the database, shared by every instance on it.
         */
        private String embeddedIssuerKey = "";
        /**
         * The audience a token must name in {@code aud} (e.g. {@code wrench-api}); unset, the
         * audience is not checked (the embedded issuer names the client as audience).
         */
        private String audience;
        /** JWS algorithms a token may be signed with; others are refused (401). */
        private List<String> acceptedAlgorithms = new ArrayList<>(List.of("ES256", "RS256"));
        /** How many verified tokens are remembered (until they expire) so each is verified once. */
        private int tokenCacheSize = 4096;
        /**
         * How long a verified token is served from the cache before its signature is checked again
         * (never past its {@code exp}): the bound on accepting a token whose key was rotated out.
         */
        private Duration tokenRecheckAfter = Duration.ofSeconds(60);

        public String getRolesClaim() { return rolesClaim; }
        public void setRolesClaim(String rolesClaim) { this.rolesClaim = rolesClaim; }
        public List<String> getCorsAllowedOrigins() { return corsAllowedOrigins; }
        public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) { this.corsAllowedOrigins = corsAllowedOrigins; }
        public String getEmbeddedIssuerKey() { return embeddedIssuerKey; }
        public void setEmbeddedIssuerKey(String embeddedIssuerKey) { this.embeddedIssuerKey = embeddedIssuerKey; }
        public String getAudience() { return audience; }
        public void setAudience(String audience) { this.audience = audience; }
        public List<String> getAcceptedAlgorithms() { return acceptedAlgorithms; }
        public void setAcceptedAlgorithms(List<String> acceptedAlgorithms) { this.acceptedAlgorithms = acceptedAlgorithms; }
        public int getTokenCacheSize() { return tokenCacheSize; }
        public void setTokenCacheSize(int tokenCacheSize) { this.tokenCacheSize = tokenCacheSize; }
        public Duration getTokenRecheckAfter() { return tokenRecheckAfter; }
        public void setTokenRecheckAfter(Duration tokenRecheckAfter) { this.tokenRecheckAfter = tokenRecheckAfter; }
    }

    public static class Http {
        /** Largest JSON request body accepted; larger ones are answered 413. */
        private long maxBodyBytes = 1024 * 1024;
        /** How long an Idempotency-Key's first answer is kept and replayed. */
        private Duration idempotencyRetention = Duration.ofHours(24);

        public long getMaxBodyBytes() { return maxBodyBytes; }
        public void setMaxBodyBytes(long maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }
        public Duration getIdempotencyRetention() { return idempotencyRetention; }
        public void setIdempotencyRetention(Duration idempotencyRetention) { this.idempotencyRetention = idempotencyRetention; }
    }

    public static class Consistency {
        /** Longest a GET with X-Consistency-Token waits for the projections before answering stale. */
        private Duration maxWait = Duration.ofSeconds(5);

        public Duration getMaxWait() { return maxWait; }
        public void setMaxWait(Duration maxWait) { this.maxWait = maxWait; }
    }

    public static class Imports {
        /** Largest spreadsheet accepted by the stock import. */
        private long maxFileBytes = 10L * 1024 * 1024;
        /** Most data rows one import may hold. */
        private int maxRows = 5000;

        public long getMaxFileBytes() { return maxFileBytes; }
        public void setMaxFileBytes(long maxFileBytes) { this.maxFileBytes = maxFileBytes; }
        public int getMaxRows() { return maxRows; }
        public void setMaxRows(int maxRows) { this.maxRows = maxRows; }
    }

    /** Several instances on one database: who is alive, and how event-processor segments are shared. */
    public static class Cluster {
        /**
         * This instance's name in the token store (segment owner) and the node table; unique per running
         * instance. Empty: the host name, the process id and a random suffix.
         */
        private String nodeId = "";
        /** How often an instance says it is alive and re-computes its fair share of segments. */
        private Duration heartbeatInterval = Duration.ofSeconds(2);
        /** An instance silent for longer is taken as gone: the others take over its share. */
        private Duration nodeTimeout = Duration.ofSeconds(10);
        /** A segment claim not renewed for this long may be taken by another instance (after a crash). */
        private Duration claimTimeout = Duration.ofSeconds(10);
        /** Events per transaction while a rebuild builds its copy of a view beside the live one. */
        private int rebuildBatchSize = io.wrench.api.cluster.ViewCopies.BATCH_SIZE;

        public String getNodeId() { return nodeId; }
        public void setNodeId(String nodeId) { this.nodeId = nodeId; }
        public Duration getHeartbeatInterval() { return heartbeatInterval; }
        public void setHeartbeatInterval(Duration heartbeatInterval) { this.heartbeatInterval = heartbeatInterval; }
        public Duration getNodeTimeout() { return nodeTimeout; }
        public void setNodeTimeout(Duration nodeTimeout) { this.nodeTimeout = nodeTimeout; }
        public Duration getClaimTimeout() { return claimTimeout; }
        public void setClaimTimeout(Duration claimTimeout) { this.claimTimeout = claimTimeout; }
        public int getRebuildBatchSize() { return rebuildBatchSize; }
        public void setRebuildBatchSize(int rebuildBatchSize) { this.rebuildBatchSize = rebuildBatchSize; }
    }

    public static class Shop {
        /**
         * The shop's time zone: the days of the dashboard's revenue, inspections and completions, and
         * "today". The dashboard projection files events under their day when it processes them, so a
         * change takes effect for old events only after a rebuild of dashboard-projection.
         */
        private ZoneId timeZone = ZoneId.of("UTC");
        /** The shop's name, at the head of every invoice. */
        private String name = "Wrench Workshop";
        /** The shop's postal address on invoices; lines separated by newlines or commas as they should print. */
        private String address = "1 Workshop Lane\n00000 Example Town";
        /** The shop's tax (VAT) number on invoices. */
        private String taxNumber = "XX000000000";
        /** The bays appointments book (docs/appointments.md); a booking names one of them. */
        private List<String> bays = new ArrayList<>(List.of("BAY-1", "BAY-2", "BAY-3"));
        /** When the shop opens, on the wall clock of its time zone: the earliest start of an appointment. */
        private java.time.LocalTime opens = java.time.LocalTime.of(8, 0);
        /** When the shop closes: an appointment ends by then, on the day it starts. */
        private java.time.LocalTime closes = java.time.LocalTime.of(18, 0);
        /** The days the shop is open. */
        private List<java.time.DayOfWeek> openDays = new ArrayList<>(List.of(java.time.DayOfWeek.MONDAY,
                java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY,
                java.time.DayOfWeek.FRIDAY, java.time.DayOfWeek.SATURDAY));

        public ZoneId getTimeZone() { return timeZone; }
        public void setTimeZone(ZoneId timeZone) { this.timeZone = timeZone; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getTaxNumber() { return taxNumber; }
        public void setTaxNumber(String taxNumber) { this.taxNumber = taxNumber; }
        public List<String> getBays() { return bays; }
        public void setBays(List<String> bays) { this.bays = bays; }
        public java.time.LocalTime getOpens() { return opens; }
        public void setOpens(java.time.LocalTime opens) { this.opens = opens; }
        public java.time.LocalTime getCloses() { return closes; }
        public void setCloses(java.time.LocalTime closes) { this.closes = closes; }
        public List<java.time.DayOfWeek> getOpenDays() { return openDays; }
        public void setOpenDays(List<java.time.DayOfWeek> openDays) { this.openDays = openDays; }
    }

    public static class Dashboard {
        /** Most dashboard streams one client (JWT subject) may hold open at once; past it, 429. */
        private int maxStreamsPerClient = 4;
        /** Shortest time between two pushes of a stream; changes in between are sent together. */
        private Duration pushInterval = Duration.ofMillis(500);
        /** A comment line on every open stream this often, so that proxies keep it open. */
        private Duration heartbeat = Duration.ofSeconds(15);

        public int getMaxStreamsPerClient() { return maxStreamsPerClient; }
        public void setMaxStreamsPerClient(int maxStreamsPerClient) { this.maxStreamsPerClient = maxStreamsPerClient; }
        public Duration getPushInterval() { return pushInterval; }
        public void setPushInterval(Duration pushInterval) { this.pushInterval = pushInterval; }
        public Duration getHeartbeat() { return heartbeat; }
        public void setHeartbeat(Duration heartbeat) { this.heartbeat = heartbeat; }
    }

    /**
     * Token buckets per client (the token's subject) and class of request, per remote address for
     * the token endpoint. A bucket holds {@code capacity} requests and refills that many per
     * {@code period}. Over the limit: 429 with Retry-After.
     */
    public static class RateLimit {
        /** Off, nothing is limited (for load tests). */
        private boolean enabled = true;
        /** Where buckets live: MEMORY (this instance) or DATABASE (shared by all instances, PostgreSQL). */
        private Store store = Store.MEMORY;
        /** POST, PATCH, PUT, DELETE under /api, per client. */
        private final Limit commands = new Limit(30_000, Duration.ofMinutes(1));
        /** GET under /api, per client. */
        private final Limit queries = new Limit(120_000, Duration.ofMinutes(1));
        /** Spreadsheet imports, per client. */
        private final Limit imports = new Limit(30, Duration.ofMinutes(1));
        /** Token requests to the embedded issuer, per remote address (right or wrong secrets alike). */
        private final Limit token = new Limit(60, Duration.ofMinutes(1));

        public enum Store { MEMORY, DATABASE }

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Store getStore() { return store; }
        public void setStore(Store store) { this.store = store; }
        public Limit getCommands() { return commands; }
        public Limit getQueries() { return queries; }
        public Limit getImports() { return imports; }
        public Limit getToken() { return token; }
    }

    public static class Limit {
        /** Requests a bucket holds (the burst allowed). */
        private long capacity;
        /** Time in which an empty bucket refills to capacity. */
        private Duration period;

        public Limit() {
        }

        Limit(long capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }

        public long getCapacity() { return capacity; }
        public void setCapacity(long capacity) { this.capacity = capacity; }
        public Duration getPeriod() { return period; }
        public void setPeriod(Duration period) { this.period = period; }
    }
}
