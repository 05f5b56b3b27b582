package io.wrench.api.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The audit metadata every command carries from the HTTP request: who (JWT subject), their roles,
 * and the request id. Axon's correlation providers copy it onto every event the command causes.
 */
public final class RequestMetadata {

    public static final String USER = "userId";
    public static final String ROLES = "roles";
    public static final String REQUEST_ID = "requestId";
    public static final List<String> KEYS = List.of(USER, ROLES, REQUEST_ID);

    private RequestMetadata() {
    }

    public static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    static Map<String, Object> current() {
        Map<String, Object> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            metadata.put(USER, authentication.getName());
            metadata.put(ROLES, String.join(",", authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring(5))
                    .sorted()
                    .toList()));
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            metadata.put(REQUEST_ID, requestId);
        }
        return metadata;
    }

    /** Adds the request's metadata to commands dispatched on a request thread (not to saga commands). */
    public static final class DispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, message) -> {
                Map<String, Object> metadata = current();
                return metadata.isEmpty() ? message : message.andMetaData(metadata);
            };
        }
    }
}
