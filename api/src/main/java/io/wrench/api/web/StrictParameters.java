package io.wrench.api.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Query and path parameters are read as strictly as bodies: {@code ?size=} is not "no size",
 * {@code ?archived=1} or {@code =yes} is not {@code true}, {@code 1-2-3-4-5} is not a UUID. Spring's
 * defaults accept each of those; every one is a 400 (a 404 for a path id) naming the parameter.
 * Editors, not converters: Spring falls back to its lenient default editors when a converter fails.
 */
@ControllerAdvice
class StrictParameters {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @InitBinder
    void strictEditors(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, editor(StrictParameters::integer));
        binder.registerCustomEditor(int.class, editor(StrictParameters::integer));
        binder.registerCustomEditor(Long.class, editor(StrictParameters::whole));
        binder.registerCustomEditor(long.class, editor(StrictParameters::whole));
        binder.registerCustomEditor(Boolean.class, editor(StrictParameters::bool));
        binder.registerCustomEditor(boolean.class, editor(StrictParameters::bool));
        binder.registerCustomEditor(UUID.class, editor(StrictParameters::uuid));
    }

    private static Object integer(String text) {
        long value = whole(text);
        if (value != (int) value) {
            throw new IllegalArgumentException("out of range");
        }
        return (int) value;
    }

    private static long whole(String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number");
        }
        return Long.parseLong(text);
    }

    private static Object bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private static Object uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(text);
    }

    private static PropertyEditorSupport editor(Function<String, Object> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                // an empty value is refused too: a client that sends ?size= meant something
                setValue(parse.apply(text == null ? "" : text));
            }
        };
    }
}
