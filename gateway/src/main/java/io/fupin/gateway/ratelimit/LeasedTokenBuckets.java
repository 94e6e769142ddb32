package io.fupin.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Takes a busy caller's tokens from the shared buckets (Redis) several requests' worth at a time and lets the
 * following requests through on them here, so that a caller sending many requests costs this instance one Redis
 * call per lease instead of one per request.
 *
 * <p>Tokens leave the shared bucket before any request is let through on them, so the callers of all instances
 * together never get more than the configured limit. The price is the other way round: tokens an instance leased
 * and did not use within {@link #VALIDITY} are lost, so a caller may be refused up to (largest lease - 1) tokens
 * early for each instance it used. A lease starts at one request's tokens and doubles, up to a tenth of the burst
 * and at most {@value #MAX_LEASED_REQUESTS} requests, only while the caller uses each lease up within its validity;
 * a lease left over or a refusal brings it back to one request.
 */
class LeasedTokenBuckets implements TokenBuckets {

    static final Duration VALIDITY = Duration.ofSeconds(1);
    static final int MAX_LEASED_REQUESTS = 64;
    private static final int SWEEP_EVERY = 1024;

    private final TokenBuckets shared;
    private final LongSupplier nanoClock;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();

    LeasedTokenBuckets(TokenBuckets shared) {
        this(shared, System::nanoTime);
    }

    LeasedTokenBuckets(TokenBuckets shared, LongSupplier nanoClock) {
        this.shared = shared;
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<RateDecision> take(String routeId, String callerKey, RateLimit limit) {
        long now = nanoClock.getAsLong();
        if (takes.incrementAndGet() % SWEEP_EVERY == 0) {
            leases.values().removeIf(lease -> lease.expiredAt(now));
        }
        Lease lease = leases.computeIfAbsent(routeId + "." + callerKey, key -> new Lease(now));
        RateDecision local = lease.take(limit, now);
        if (local != null) {
            return Mono.just(local);
        }
        int leased = lease.nextTokens(limit, now);
        if (leased == limit.requestedTokens()) {
            return shared.take(routeId, callerKey, limit).map(decision -> lease.granted(decision, limit, leased, nanoClock.getAsLong()));
        }
        RateLimit leaseLimit = new RateLimit(limit.replenishRate(), limit.burstCapacity(), leased);
        return shared.take(routeId, callerKey, leaseLimit).flatMap(decision -> decision.allowed()
                ? Mono.just(lease.granted(decision, limit, leased, nanoClock.getAsLong()))
                // Fewer tokens left than a lease: the caller is near its limit, so one request's worth decides.
                : shared.take(routeId, callerKey, limit)
                        .map(single -> lease.granted(single, limit, limit.requestedTokens(), nanoClock.getAsLong())));
    }

    int size() {
        return leases.size();
    }

    private static final class Lease {

        private static final long VALIDITY_NANOS = VALIDITY.toNanos();

        private long tokens;
        private long sharedRemaining;
        private long expiresAt;
        private int requests = 1;

        Lease(long now) {
            this.expiresAt = now;
        }

        /** A decision from this lease, or null when the shared bucket must be asked. */
        synchronized RateDecision take(RateLimit limit, long now) {
            if (expiredAt(now) || tokens < limit.requestedTokens()) {
                return null;
            }
            tokens -= limit.requestedTokens();
            return new RateDecision(true, sharedRemaining + tokens);
        }

        /** The tokens to ask the shared bucket for, the lease used up (grows) or left over (one request again). */
        synchronized int nextTokens(RateLimit limit, long now) {
            if (!expiredAt(now)) {
                requests *= 2;
            } else if (tokens > 0) {
                requests = 1;
            }
            int largest = Math.clamp(limit.burstCapacity() / 10 / limit.requestedTokens(), 1, MAX_LEASED_REQUESTS);
            requests = Math.min(requests, largest);
            return requests * limit.requestedTokens();
        }

        synchronized RateDecision granted(RateDecision decision, RateLimit limit, int leased, long now) {
            if (!decision.allowed()) {
                requests = 1;
                return decision;
            }
            if (expiredAt(now)) {
                tokens = 0;
            }
            tokens += leased - limit.requestedTokens();
            sharedRemaining = decision.remaining();
            expiresAt = now + VALIDITY_NANOS;
            return new RateDecision(true, sharedRemaining + tokens);
        }

        synchronized boolean expiredAt(long now) {
            return now - expiresAt >= 0;
        }
    }
}
