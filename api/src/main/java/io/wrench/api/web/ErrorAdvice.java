package io.wrench.api.web;

import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import io.wrench.command.RuleViolationInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every error becomes an RFC 9457 problem detail. Business rules map through ONE table
 * ({@link #STATUS_BY_KIND}); Spring MVC's own failures (405, 406, 415, malformed bodies...) come through
 * {@link ResponseEntityExceptionHandler} and are given the same shape. Nothing a client sends yields a 500.
 */
@RestControllerAdvice
public class ErrorAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    static final Map<ErrorCode.Kind, HttpStatus> STATUS_BY_KIND = new EnumMap<>(Map.of(
            ErrorCode.Kind.INVALID, HttpStatus.BAD_REQUEST,
            ErrorCode.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            ErrorCode.Kind.CONFLICT, HttpStatus.CONFLICT,
            ErrorCode.Kind.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED));

    @ExceptionHandler({CommandExecutionException.class, ConcurrencyException.class})
    ResponseEntity<Object> commandFailed(Exception exception, HttpServletRequest request) {
        RuleViolationDetails details = detailsOf(exception).orElse(null);
        return details == null ? unexpected(exception, request) : problem(details, request);
    }

    private static ResponseEntity<Object> problem(RuleViolationDetails details, HttpServletRequest request) {
        HttpStatus status = STATUS_BY_KIND.get(details.code().kind());
        return problem(status, details.code().name().toLowerCase().replace('_', '-'), details.message(), request);
    }

    /**
     * The business meaning of a command failure: the {@link RuleViolationDetails} that the command side
     * puts on every refusal (a {@code RuleViolation}, or {@code RuleViolationInterceptor}'s translation of
     * Axon's own failures), wherever in the cause chain they sit — locally or after Axon Server.
     */
    public static Optional<RuleViolationDetails> detailsOf(Throwable exception) {
        Throwable translated = RuleViolationInterceptor.atCommit(exception);
        for (Throwable t = translated; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HandlerExecutionException handlerFailure
                    && handlerFailure.getDetails().orElse(null) instanceof RuleViolationDetails details) {
                return Optional.of(details);
            }
        }
        return Optional.empty();
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException exception, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", exception.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException exception, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict", exception.getMessage(), request);
    }

    @ExceptionHandler({Consistency.InvalidConsistencyToken.class, ETags.InvalidIfMatch.class, BadRequestException.class})
    ResponseEntity<Object> badHeader(RuntimeException exception, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", exception.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        boolean pathVariable = exception.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class);
        if (pathVariable) {
            return problem(HttpStatus.NOT_FOUND, "not-found",
                    "no resource at " + request.getRequestURI() + " ('" + exception.getValue() + "' is not an id)", request);
        }
        return validation(List.of(new Problems.FieldError(exception.getName(),
                "'" + exception.getValue() + "' is not a valid " + simpleType(exception.getRequiredType()))), request);
    }

    @ExceptionHandler(FieldValidationException.class)
    ResponseEntity<Object> fieldInvalid(FieldValidationException exception, HttpServletRequest request) {
        return validation(List.of(new Problems.FieldError(exception.field(), exception.getMessage())), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException exception, HttpServletRequest request) {
        return validation(exception.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList(), request);
    }

    /** Tomcat could not decode a query parameter (not UTF-8, e.g. {@code %ff}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameter(InvalidParameterException exception, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request",
                "a query parameter could not be decoded; percent-encode it as UTF-8", request);
    }

    /** A multipart body that does not parse (no boundary, garbage, a part without headers). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException exception, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "the multipart body could not be read; send one part named 'file' with its Content-Disposition", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException exception, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "your role may not do this", request);
    }

    @ExceptionHandler(UnsupportedMediaTypeException.class)
    ResponseEntity<Object> unsupportedMediaType(UnsupportedMediaTypeException exception, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", exception.getMessage(), request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException exception, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", exception.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, HttpServletRequest request) {
        Optional<RuleViolationDetails> details = detailsOf(exception);
        if (details.isPresent()) {
            return problem(details.get(), request);
        }
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed; quote the requestId when reporting it", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        return validation(errors, ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return validation(errors, ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge, servletRequest);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", JsonErrors.describe(exception), servletRequest);
    }

    /** Gives Spring MVC's own problem answers (405, 406, 415, 404 for unknown paths...) our shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String detail = body instanceof ProblemDetail existing && existing.getDetail() != null
                ? existing.getDetail() : status.getReasonPhrase();
        ProblemDetail problem = Problems.of(status, Problems.slug(status), detail, servletRequest);
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(Problems.PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, status);
    }

    private ResponseEntity<Object> validation(List<Problems.FieldError> errors, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation",
                "the request has invalid fields", request);
        Problems.withErrors(problem, errors);
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String slug, String detail, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(status, slug, detail, request));
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }


}
