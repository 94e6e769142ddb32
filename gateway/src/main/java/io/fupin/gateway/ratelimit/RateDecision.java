package io.fupin.gateway.ratelimit;

/** @param remaining tokens left in the bucket after this request */
public record RateDecision(boolean allowed, long remaining) {
}
