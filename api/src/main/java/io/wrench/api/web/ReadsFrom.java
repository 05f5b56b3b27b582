package io.wrench.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The processors whose views a controller's reads are answered from (on a method, it overrides the
 * class's). A GET with {@code X-Consistency-Token} waits for these and for the sagas (their answers
 * are further events of the same command), not for every processor; without it, for all of them.
 * An empty list: the read needs no processor (it reads the event store itself).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadsFrom {

    String[] value();
}
