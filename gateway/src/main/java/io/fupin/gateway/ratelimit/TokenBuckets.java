package io.fupin.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Takes a request's tokens from the bucket of one caller on one route. */
public interface TokenBuckets {

    Mono<RateDecision> take(String routeId, String callerKey, RateLimit limit);
}
