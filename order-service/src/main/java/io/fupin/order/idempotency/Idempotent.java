package io.fupin.order.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that creates something under an {@code Idempotency-Key} (header required, at most 100 characters).
 * Once the caller passed method security and validation, the key is claimed for the caller and the request's
 * {@code @RequestBody}; the handler gets the id it creates under as its {@link ClaimedId} parameter and returns its
 * typed answer. That answer, as sent (status, body, {@code Content-Type}, {@code Location}), is kept with the key;
 * the same key and body later replay it without running the handler, the same key with another body is 422
 * {@code idempotency-key-reused}. A handler that throws keeps nothing, unless the exception is one of
 * {@link #kept()}: then the problem it is answered with is kept and replayed like a success.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

    /** Keys are per caller; a scope keeps one caller's keys of different operations apart (empty: none). */
    String scope() default "";

    /** Refusals that are final answers: kept with the key and replayed, where any other failure leaves it open. */
    Class<? extends RuntimeException>[] kept() default {};
}
