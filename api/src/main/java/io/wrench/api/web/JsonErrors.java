package io.wrench.api.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns Jackson's complaints into a sentence a client can act on, without leaking class names. */
public final class JsonErrors {

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile(
            "Duplicate Object property \"([A-Za-z0-9_$.-]{1,100})\"");

    private JsonErrors() {
    }

    /** Text in the body that is not well-formed Unicode (a lone surrogate). */
    public static final class MalformedText extends MismatchedInputException {
        public MalformedText(tools.jackson.core.JsonParser parser) {
            super(parser, "not well-formed Unicode", String.class);
        }
    }

    static String describe(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof MalformedText malformed) {
            return path(malformed) + " is not well-formed Unicode text (it holds a lone surrogate)";
        }
        if (cause instanceof tools.jackson.core.exc.StreamReadException read && read.getOriginalMessage() != null) {
            if (read.getOriginalMessage().startsWith("Duplicate Object property")) {
                var name = DUPLICATE.matcher(read.getOriginalMessage());
                return (name.find() ? "the field " + name.group(1) : "a field") + " is given more than once";
            }
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = invalid.getPathReference() == null ? "a field" : path(invalid);
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + invalid.getValue() + "' is not a valid value for " + field + "; expected one of "
                        + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            String expected = expected(target);
            return "'" + invalid.getValue() + "' is not a valid value for " + field
                    + (expected == null ? "" : "; expected " + expected);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            if (mismatched.getPath().isEmpty()) {
                return "the request body must be a JSON object";
            }
            String expected = expected(mismatched.getTargetType());
            return "wrong type of value for " + path(mismatched) + (expected == null ? "" : "; expected " + expected);
        }
        if (cause instanceof JacksonException) {
            return "the request body is not valid JSON";
        }
        return "the request body is missing or not readable as JSON";
    }

    /** What JSON the client should have sent for a target type, or null when that says nothing useful. */
    private static String expected(Class<?> target) {
        if (target == null) {
            return null;
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "a JSON string";
        }
        if (target == int.class || target == long.class || target == short.class || target == Integer.class
                || target == Long.class || target == Short.class || target == BigInteger.class) {
            return "a whole JSON number";
        }
        if (target.isPrimitive() && target != boolean.class || Number.class.isAssignableFrom(target)) {
            return "a JSON number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        return null;
    }

    private static String path(JacksonException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
