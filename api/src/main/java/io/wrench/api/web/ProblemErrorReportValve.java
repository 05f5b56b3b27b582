package io.wrench.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's last word, in our shape. What Tomcat refuses before the application sees it (an encoded
 * slash or backslash, a NUL, headers too large or too many) never reaches {@link ProblemErrorController};
 * Tomcat's host renders it with its error report valve, an HTML page without a request id. This valve
 * takes that place ({@link TomcatConfig}) and writes the same problem detail as everything else.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        if (requestId == null) {
            requestId = RequestIdFilter.sanitise(safeHeader(request));
        }
        request.setAttribute(RequestIdFilter.ATTRIBUTE, requestId);
        HttpStatus status = ProblemErrorController.status(code);
        String uri = safeUri(request);
        ProblemDetail problem = Problems.of(status, Problems.slug(status), ProblemErrorController.detail(status, uri),
                null);
        problem.setInstance(Problems.instanceUri(uri));
        problem.setProperty("requestId", requestId);
        try {
            response.setHeader(RequestIdFilter.HEADER, requestId);
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(Problems.json(problem), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response cannot take a body any more: nothing left to tell it
        }
    }

    private static String safeHeader(Request request) {
        try {
            return request.getHeader(RequestIdFilter.HEADER);
        } catch (RuntimeException unparsed) {
            return null;
        }
    }

    private static String safeUri(Request request) {
        try {
            String uri = request.getRequestURI();
            return uri == null || !uri.startsWith("/") ? "/" : uri;
        } catch (RuntimeException unparsed) {
            return "/";
        }
    }
}
