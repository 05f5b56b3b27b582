package io.wrench.api.web;

import java.io.IOException;

/** Thrown while reading a body past the configured limit: 413. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("the request body is larger than the " + limit + " bytes this API accepts");
    }
}
