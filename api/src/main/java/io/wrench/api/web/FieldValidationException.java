package io.wrench.api.web;

/** One invalid field found outside Bean Validation (a query parameter, say): 400 with {@code errors}. */
public class FieldValidationException extends RuntimeException {

    private final String field;

    public FieldValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
