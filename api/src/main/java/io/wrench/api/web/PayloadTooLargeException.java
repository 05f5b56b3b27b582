package io.wrench.api.web;

import java.io.IOException;

/** Thrown while reading a body (or a file in it) past the configured limit: 413. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        this("the request body is larger than the " + limit + " bytes this API accepts");
    }

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
