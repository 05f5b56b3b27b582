package io.wrench.api.cluster;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The token store as every instance sees it: each processor's segments with their stored position
 * and owner. Read-only (Axon's own {@code fetchToken} would claim the segment), straight from
 * {@code token_entry}, so it is the same picture on every instance, whoever owns what.
 */
public class TokenStoreView {

    /** One segment as stored. {@code owner} is null when nobody holds a live claim. */
    public record StoredSegment(int segment, String owner, Instant claimedAt, TrackingToken token, long position,
                                boolean replaying) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Duration claimTimeout;

    public TokenStoreView(JdbcTemplate jdbc, Serializer serializer, Clock clock, Duration claimTimeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
    }

    /**
     * The row in which Axon's token stores keep their own identity (a {@code ConfigToken}, written the first
     * time {@code TokenStore.retrieveStorageIdentifier()} is asked, which the Axon Server connector does to
     * report processors): no processor, no segment to claim.
     */
    static final String CONFIG_ROW = "__config";

    public List<StoredSegment> segments(String processor) {
        return jdbc.query("select segment, owner, timestamp, token, token_type from token_entry "
                + "where processor_name = ? order by segment", (rs, i) -> segment(
                rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getString(5)), processor);
    }

    /** Every processor's segments, by processor name. */
    public SortedMap<String, List<StoredSegment>> all() {
        SortedMap<String, List<StoredSegment>> all = new TreeMap<>();
        jdbc.query("select processor_name, segment, owner, timestamp, token, token_type from token_entry "
                + "where processor_name <> ? order by processor_name, segment", rs -> {
            all.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(segment(
                    rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5), rs.getString(6)));
        }, CONFIG_ROW);
        return all;
    }

    /** Segments per processor, by processor name. */
    public SortedMap<String, Integer> segmentCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        jdbc.query("select processor_name, count(*) from token_entry where processor_name <> ? group by processor_name",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, CONFIG_ROW);
        return counts;
    }

    /** Live claims per owner, over every processor. */
    public Map<String, Integer> claimsByOwner() {
        Map<String, Integer> claims = new TreeMap<>();
        jdbc.query("select owner, timestamp from token_entry where owner is not null and processor_name <> ?", rs -> {
            if (isLive(rs.getString(2))) {
                claims.merge(rs.getString(1), 1, Integer::sum);
            }
        }, CONFIG_ROW);
        return claims;
    }

    private StoredSegment segment(int segment, String owner, String timestamp, byte[] data, String type) {
        TrackingToken token = data == null || type == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
        Instant claimedAt = parse(timestamp);
        String liveOwner = owner != null && isLive(timestamp) ? owner : null;
        return new StoredSegment(segment, liveOwner, claimedAt, token, position(token), token instanceof ReplayToken);
    }

    private boolean isLive(String timestamp) {
        Instant at = parse(timestamp);
        return at != null && at.plus(claimTimeout).isAfter(clock.instant());
    }

    private static Instant parse(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Where a token really is. During a replay Axon wraps the token in a {@link ReplayToken} whose
     * reported position is the reset point, not how far the replay got: read its current token.
     */
    public static long position(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            return position(replay.getCurrentToken());
        }
        return token == null ? -1 : token.position().orElse(-1L);
    }

}
