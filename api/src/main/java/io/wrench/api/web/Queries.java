package io.wrench.api.web;

import io.wrench.api.asof.PointInTime;
import io.wrench.query.PageView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Reads through the query gateway: a detail is 404 when absent and carries its version as ETag; with
 * {@code asOf} it is the detail as it was at that instant ({@link PointInTime}), with {@code X-As-Of}.
 */
@Component
public class Queries {

    /** The response header naming the instant a point-in-time answer describes. */
    public static final String AS_OF = "X-As-Of";

    /** How the {@code asOf} parameter of the detail resources is documented. */
    public static final String AS_OF_DOC = "An ISO-8601 instant: the detail as it was then, with what it showed from "
            + "other aggregates then; 404 before the resource existed, 400 when malformed; the answer carries "
            + "X-As-Of. AUDITOR, MANAGER and ADMIN only.";

    private final QueryGateway queryGateway;
    private final PointInTime pointInTime;

    public Queries(QueryGateway queryGateway, PointInTime pointInTime) {
        this.queryGateway = queryGateway;
        this.pointInTime = pointInTime;
    }

    @SuppressWarnings("unchecked")
    public <T> PageView<T> page(Object query) {
        return queryGateway.query(query, ResponseTypes.instanceOf(PageView.class)).join();
    }

    /** A query that always answers one value (a calendar). */
    public <T> T one(Object query, Class<T> type) {
        return queryGateway.query(query, ResponseTypes.instanceOf(type)).join();
    }

    public <T> Optional<T> optional(Object query, Class<T> type) {
        return queryGateway.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    public <T> ResponseEntity<T> detail(Object query, Class<T> type, ToLongFunction<T> version, String what) {
        T view = optional(query, type).orElseThrow(() -> new NotFoundException("no " + what));
        return ResponseEntity.ok().eTag(ETags.of(version.applyAsLong(view))).body(view);
    }

    /** The detail now, or as it was at {@code asOf} (an ISO-8601 instant) when one is given. */
    public <T> ResponseEntity<T> detail(Object query, Class<T> type, ToLongFunction<T> version, String what,
                                        String asOf) {
        if (asOf == null) {
            return detail(query, type, version, what);
        }
        Instant at = InstantParameter.parse("asOf", asOf);
        T view = pointInTime.answer(query, type, at).orElseThrow(() -> new NotFoundException("no " + what + " at " + at));
        return ResponseEntity.ok().eTag(ETags.of(version.applyAsLong(view))).header(AS_OF, at.toString()).body(view);
    }
}
