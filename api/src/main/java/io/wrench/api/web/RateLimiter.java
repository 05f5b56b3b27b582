package io.wrench.api.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.wrench.api.config.WrenchProperties;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Token buckets (Bucket4j) per class of request and client. In memory for one instance, or in
 * PostgreSQL's {@code rate_limit_bucket} (advisory locks) so that every instance draws on the same
 * bucket.
 */
public final class RateLimiter {

    /** The classes of request, each with its own limit; the name is the policy name in the headers. */
    public enum Kind { COMMANDS, QUERIES, IMPORTS, TOKEN }

    /** The outcome of asking for one request: allowed or not, and what the headers tell the client. */
    public record Decision(boolean allowed, Kind kind, long limit, long windowSeconds, long remaining,
                           long resetSeconds) {
        public String policyHeader() {
            return "\"" + policy() + "\";q=" + limit + ";w=" + windowSeconds;
        }

        public String rateLimitHeader() {
            return "\"" + policy() + "\";r=" + remaining + ";t=" + resetSeconds;
        }

        private String policy() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Buckets held in memory are forgotten all at once past this many keys (addresses, clients). */
    private static final int MAX_LOCAL_BUCKETS = 100_000;

    private final Map<Kind, WrenchProperties.Limit> limits = new EnumMap<>(Kind.class);
    private final Map<Kind, BucketConfiguration> configurations = new EnumMap<>(Kind.class);
    private final Function<String, Function<BucketConfiguration, Bucket>> buckets;
    private final ExpiredEntriesCleaner cleaner;

    private RateLimiter(WrenchProperties.RateLimit properties,
                        Function<String, Function<BucketConfiguration, Bucket>> buckets,
                        ExpiredEntriesCleaner cleaner) {
        limits.put(Kind.COMMANDS, properties.getCommands());
        limits.put(Kind.QUERIES, properties.getQueries());
        limits.put(Kind.IMPORTS, properties.getImports());
        limits.put(Kind.TOKEN, properties.getToken());
        limits.forEach((kind, limit) -> configurations.put(kind, BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.getCapacity()).refillGreedy(limit.getCapacity(), limit.getPeriod()))
                .build()));
        this.buckets = buckets;
        this.cleaner = cleaner;
    }

    public static RateLimiter inMemory(WrenchProperties.RateLimit properties) {
        Map<String, Bucket> local = new ConcurrentHashMap<>();
        return new RateLimiter(properties, key -> configuration -> {
            if (local.size() > MAX_LOCAL_BUCKETS) {
                local.clear();
            }
            return local.computeIfAbsent(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
        }, null);
    }

    public static RateLimiter inDatabase(WrenchProperties.RateLimit properties, DataSource dataSource) {
        ProxyManager<String> proxies = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        return new RateLimiter(properties, key -> configuration -> proxies.builder().build(key, () -> configuration),
                proxies instanceof ExpiredEntriesCleaner c ? c : null);
    }

    /** Takes one request from the bucket of {@code kind} for {@code client}. */
    public Decision tryConsume(Kind kind, String client) {
        WrenchProperties.Limit limit = limits.get(kind);
        Bucket bucket = buckets.apply(kind.name() + ":" + client).apply(configurations.get(kind));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long wait = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new Decision(probe.isConsumed(), kind, limit.getCapacity(), limit.getPeriod().toSeconds(),
                probe.getRemainingTokens(), Math.max(probe.isConsumed() ? 0 : 1, seconds(wait)));
    }

    /** Deletes buckets that have refilled (PostgreSQL); a no-op in memory. */
    public int removeExpired() {
        return cleaner == null ? 0 : cleaner.removeExpired(1000);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
