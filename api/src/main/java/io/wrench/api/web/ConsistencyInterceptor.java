package io.wrench.api.web;

import io.wrench.api.config.WrenchProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Set;

/**
 * A GET with {@code X-Consistency-Token} waits (bounded) for the projections it reads from
 * ({@link ReadsFrom}) and the sagas, or for every processor when the handler does not say; after the
 * bound it is marked stale.
 */
@Component
public class ConsistencyInterceptor implements HandlerInterceptor {

    public static final String TOKEN_HEADER = "X-Consistency-Token";
    public static final String STATE_HEADER = "X-Consistency";

    private final Consistency consistency;
    private final WrenchProperties properties;

    public ConsistencyInterceptor(Consistency consistency, WrenchProperties properties) {
        this.consistency = consistency;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = request.getHeader(TOKEN_HEADER);
        if (token == null || token.isBlank() || !"GET".equals(request.getMethod())) {
            return true;
        }
        boolean settled = consistency.awaitProcessed(Consistency.parse(token), properties.getConsistency().getMaxWait(),
                readsFrom(handler));
        response.setHeader(STATE_HEADER, settled ? "consistent" : "stale");
        return true;
    }

    /** The processors the handler reads from ({@link ReadsFrom}), or null for all of them. */
    static Set<String> readsFrom(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return null;
        }
        ReadsFrom declared = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ReadsFrom.class);
        if (declared == null) {
            declared = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsFrom.class);
        }
        return declared == null ? null : Set.of(declared.value());
    }
}
