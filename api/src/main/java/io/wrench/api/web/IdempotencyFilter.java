package io.wrench.api.web;

import io.wrench.api.config.WrenchProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Idempotency-Key} on a mutating request: the first answer (any status below 500) is stored in
 * the {@code idempotency_record} table and replayed, byte for byte with its headers, to a repeat from
 * the same client within the retention window; nothing is dispatched again. A repeat while the first
 * is still running is answered 409; the same key with a different request 422 (as the IETF draft has it).
 * Runs after Spring Security, so the client is the authenticated subject.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag", "Content-Type",
            ConsistencyInterceptor.TOKEN_HEADER);
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final WrenchProperties properties;
    private final Clock clock;

    public IdempotencyFilter(JdbcTemplate jdbc, WrenchProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null
                || !(method.equals("POST") || method.equals("PATCH") || method.equals("PUT") || method.equals("DELETE"))
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = RequestMetadata.currentUser();
        String key = request.getHeader(HEADER).trim();
        if (client == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "bad-request",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters", request));
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String fingerprint = fingerprint(request, cached.body());
        Instant now = clock.instant();
        Instant oldest = now.minus(properties.getHttp().getIdempotencyRetention());
        jdbc.update("delete from idempotency_record where client_id = ? and idem_key = ? and created_at < ?",
                client, key, Timestamp.from(oldest));
        try {
            jdbc.update("insert into idempotency_record (client_id, idem_key, fingerprint, created_at, completed) "
                    + "values (?, ?, ?, ?, false)", client, key, fingerprint, Timestamp.from(now));
        } catch (DuplicateKeyException alreadyThere) {
            replay(client, key, fingerprint, request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(cached, wrapper);
            if (wrapper.getStatus() < 500) {
                store(client, key, wrapper);
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.update("delete from idempotency_record where client_id = ? and idem_key = ?", client, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void store(String client, String key, ContentCachingResponseWrapper wrapper) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = wrapper.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (wrapper.getContentType() != null) {
            headers.put("Content-Type", wrapper.getContentType());
        }
        jdbc.update("update idempotency_record set completed = true, status = ?, headers = ?, body = ? "
                        + "where client_id = ? and idem_key = ?",
                wrapper.getStatus(), encode(headers), wrapper.getContentAsByteArray(), client, key);
    }

    private void replay(String client, String key, String fingerprint, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("select fingerprint, completed, status, headers, body "
                + "from idempotency_record where client_id = ? and idem_key = ?", client, key);
        if (rows.isEmpty()) {
            Problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-in-progress",
                    "a request with this Idempotency-Key was just being processed; retry it", request));
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!fingerprint.equals(row.get("fingerprint"))) {
            Problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request", request));
            return;
        }
        if (!Boolean.TRUE.equals(row.get("completed"))) {
            Problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-in-progress",
                    "the first request with this Idempotency-Key is still being processed", request),
                    Map.of("Retry-After", "1"));
            return;
        }
        response.setStatus(((Number) row.get("status")).intValue());
        decode((String) row.get("headers")).forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = (byte[]) row.get("body");
        if (body != null) {
            response.getOutputStream().write(body);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void purgeExpired() {
        jdbc.update("delete from idempotency_record where created_at < ?",
                Timestamp.from(clock.instant().minus(properties.getHttp().getIdempotencyRetention())));
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> headers) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> out.append(name).append(": ").append(value.replace("\n", " ")).append('\n'));
        return out.toString();
    }

    private static Map<String, String> decode(String headers) {
        Map<String, String> result = new LinkedHashMap<>();
        if (headers != null) {
            for (String line : headers.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    result.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return result;
    }

    /** Reads the body once (within the body-size limit already enforced) so it can be fingerprinted and replayed. */
    private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = StreamUtils.copyToByteArray(request.getInputStream());
        }

        byte[] body() {
            return body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            var in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
