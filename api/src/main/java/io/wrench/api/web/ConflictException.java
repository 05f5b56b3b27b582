package io.wrench.api.web;

/** A request that the current state does not allow, outside any aggregate (a rebuild of a saga, say): 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
