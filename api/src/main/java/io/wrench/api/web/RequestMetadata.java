package io.wrench.api.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The audit metadata every command carries from the HTTP request: who (JWT subject and a readable
 * name), through which OAuth2 client, with which roles, and the request id. Axon's correlation
 * providers copy it onto every event the command causes, and from an event to the commands the
 * parts process sends because of it (which add {@link #VIA} and {@link #CAUSING_EVENT}).
 */
public final class RequestMetadata {

    public static final String USER = "userId";
    public static final String USER_NAME = "userName";
    public static final String CLIENT = "clientId";
    public static final String ROLES = "roles";
    public static final String REQUEST_ID = "requestId";
    /** Copied from a message to every message it causes, events and commands alike. */
    public static final List<String> KEYS = List.of(USER, USER_NAME, CLIENT, ROLES, REQUEST_ID);

    /** On a command a process sent (and the events it caused): which process, and the event it reacted to. */
    public static final String VIA = "via";
    public static final String CAUSING_EVENT = "causingEventId";
    /** The identifier of the message that caused this one (Axon 4 calls the same value {@code correlationId}). */
    public static final String CAUSATION = "causationId";

    /** Claims tried in order for {@link #USER_NAME} when none is configured; the subject is the last resort. */
    public static final List<String> DEFAULT_NAME_CLAIMS = List.of("preferred_username", "name");
    private static final List<String> CLIENT_CLAIMS = List.of("azp", "client_id");

    private RequestMetadata() {
    }

    public static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    static Map<String, Object> current(List<String> nameClaims) {
        Map<String, Object> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            metadata.put(USER, authentication.getName());
            metadata.put(USER_NAME, authentication.getName());
            if (authentication instanceof JwtAuthenticationToken jwt) {
                firstClaim(jwt, nameClaims).ifPresent(name -> metadata.put(USER_NAME, name));
                firstClaim(jwt, CLIENT_CLAIMS).ifPresent(client -> metadata.put(CLIENT, client));
            }
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

    private static java.util.Optional<String> firstClaim(JwtAuthenticationToken jwt, List<String> claims) {
        return claims.stream()
                .map(claim -> jwt.getToken().getClaims().get(claim))
                .filter(value -> value instanceof String text && !text.isBlank())
                .map(String.class::cast)
                .findFirst();
    }

    /** Adds the request's metadata to commands dispatched on a request thread (not to saga commands). */
    public static final class DispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

        private final List<String> nameClaims;

        public DispatchInterceptor(List<String> nameClaims) {
            this.nameClaims = List.copyOf(nameClaims);
        }

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, message) -> {
                Map<String, Object> metadata = current(nameClaims);
                return metadata.isEmpty() ? message : message.andMetaData(metadata);
            };
        }
    }

    /**
     * The causation id of every message, and {@link #VIA}/{@link #CAUSING_EVENT} from a process's command to
     * the events it causes. They are not copied from an event onwards: a process sets them afresh on
     * each command it sends, naming the event it reacted to.
     */
    public static final class CausationProvider implements CorrelationDataProvider {
        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            Map<String, Object> data = new HashMap<>();
            data.put(CAUSATION, message.getIdentifier());
            if (message instanceof CommandMessage<?>) {
                for (String key : List.of(VIA, CAUSING_EVENT)) {
                    Object value = message.getMetaData().get(key);
                    if (value != null) {
                        data.put(key, value);
                    }
                }
            }
            return data;
        }
    }
}
