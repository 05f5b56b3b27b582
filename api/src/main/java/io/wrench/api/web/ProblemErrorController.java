package io.wrench.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's error page, in the same problem-detail shape as every other error. It
 * answers what never reached a controller: a URL or header the security firewall refused, a request
 * Tomcat could not parse, an error sent by a filter. Replaces Boot's {@code BasicErrorController}.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, not forwarded by the container: there is nothing at this address
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND : status(code);
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u
                : request.getRequestURI();
        ProblemDetail problem = Problems.of(status, Problems.slug(status), detail(status, uri), request);
        problem.setInstance(Problems.instanceUri(uri));
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    static String detail(HttpStatus status, String uri) {
        return switch (status) {
            case NOT_FOUND -> "no resource at " + uri;
            case BAD_REQUEST -> "the request was refused: its URL, parameters or headers are malformed";
            default -> status.getReasonPhrase();
        };
    }

    static HttpStatus status(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
