package io.wrench.api.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns Jackson's complaints into a sentence a client can act on, without leaking class names. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            String field = invalid.getPathReference() == null ? "a field" : path(invalid);
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + invalid.getValue() + "' is not a valid value for " + field + "; expected one of "
                        + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            return "'" + invalid.getValue() + "' is not a valid value for " + field;
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatched.getPath().isEmpty()
                    ? "the request body must be a JSON object"
                    : "wrong type of value for " + path(mismatched);
        }
        if (cause instanceof JacksonException) {
            return "the request body is not valid JSON";
        }
        return "the request body is missing or not readable as JSON";
    }

    private static String path(JacksonException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
