package io.wrench.api.web;

/** A body whose content is not of a type the endpoint takes, whatever it was labelled: 415. */
public class UnsupportedMediaTypeException extends RuntimeException {
    public UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
