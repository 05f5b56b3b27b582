package io.wrench.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one shape of every error (RFC 9457, as docs/rest-contract.md fixes it): type, title, status, detail, instance,
 * requestId, and field errors for validation failures. Used by the controller advice and by the
 * filters and security handlers that answer before a controller is reached.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_BASE = "https://wrench.io/problems/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public record FieldError(String field, String message) {
    }

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(status.getReasonPhrase());
        if (request != null) {
            problem.setInstance(instanceUri(request.getRequestURI()));
            problem.setProperty("requestId", RequestIdFilter.of(request));
        }
        return problem;
    }

    /** The problem type's last segment when nothing more specific applies: "bad-request", "not-found". */
    public static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replace(' ', '-');
    }

    /**
     * A request path as a URI. A client may send characters a URI does not allow (Tomcat lets
     * {@code | { } [ ]} through, see application.yml): those are percent-encoded here, since Spring
     * would otherwise fail to make the problem's {@code instance} from the raw path.
     */
    static URI instanceUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/%".indexOf(c) >= 0)) {
                    encoded.append(c);
                } else {
                    encoded.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            try {
                return URI.create(encoded.toString());
            } catch (IllegalArgumentException stillNot) {
                return URI.create("/");
            }
        }
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(response, problem, Map.of());
    }

    public static void write(HttpServletResponse response, ProblemDetail problem, Map<String, String> headers)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        headers.forEach(response::setHeader);
        response.getOutputStream().write(json(problem));
        response.flushBuffer();
    }

    /** The problem as its JSON document, for code that writes the response itself. */
    static byte[] json(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return MAPPER.writeValueAsBytes(body);
    }
}
