package io.wrench.api.web;

import io.wrench.query.PageView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.ToLongFunction;

/** Reads through the query gateway: a detail is 404 when absent and carries its version as ETag. */
@Component
public class Queries {

    private final QueryGateway queryGateway;

    public Queries(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
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
}
