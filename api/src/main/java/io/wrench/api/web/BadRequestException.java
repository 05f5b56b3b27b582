package io.wrench.api.web;

/** Input the bean validation could not catch (an unknown sort field, say): 400. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
