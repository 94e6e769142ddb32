package io.fupin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Leases over a shared bucket; the shared bucket here is the in-memory one, counting the calls it gets. */
class LeasedTokenBucketsTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryTokenBuckets sharedBuckets = new InMemoryTokenBuckets(nanos::get);
    private final AtomicInteger sharedCalls = new AtomicInteger();
    private final TokenBuckets shared = (route, caller, limit) -> {
        sharedCalls.incrementAndGet();
        return sharedBuckets.take(route, caller, limit);
    };
    private final RateLimit fiftyPerSecondBurstHundred = new RateLimit(50, 100);

    @Test
    void letsABusyCallerThroughOnLeasesWithFewCallsToTheSharedBucket() {
        LeasedTokenBuckets buckets = new LeasedTokenBuckets(shared, nanos::get);

        for (int i = 0; i < 30; i++) {
            assertThat(take(buckets, "user:a", fiftyPerSecondBurstHundred).allowed()).isTrue();
        }
        // leases of 1, 2, 4, 8, then a tenth of the burst: 10 and 10
        assertThat(sharedCalls).hasValue(6);
    }

    @Test
    void neverLetsTwoInstancesTogetherThroughBeyondTheSharedBucket() {
        LeasedTokenBuckets first = new LeasedTokenBuckets(shared, nanos::get);
        LeasedTokenBuckets second = new LeasedTokenBuckets(shared, nanos::get);

        int allowed = 0;
        for (int i = 0; i < 300; i++) {
            LeasedTokenBuckets instance = i % 2 == 0 ? first : second;
            allowed += take(instance, "user:a", fiftyPerSecondBurstHundred).allowed() ? 1 : 0;
        }
        assertThat(allowed).isLessThanOrEqualTo(100)
                .as("at most a lease's tokens less one lost on each instance")
                .isGreaterThanOrEqualTo(100 - 2 * 9);
    }

    @Test
    void refusesWhenTheSharedBucketHasNotEnoughForOneRequestAndReportsWhatIsLeft() {
        LeasedTokenBuckets buckets = new LeasedTokenBuckets(shared, nanos::get);
        RateLimit oneRequestPerThreeSeconds = new RateLimit(1, 3, 3);

        assertThat(take(buckets, "user:a", oneRequestPerThreeSeconds)).isEqualTo(new RateDecision(true, 0));
        assertThat(take(buckets, "user:a", oneRequestPerThreeSeconds).allowed()).isFalse();
        advance(3000);
        assertThat(take(buckets, "user:a", oneRequestPerThreeSeconds).allowed()).isTrue();
    }

    @Test
    void forgetsTokensLeftOverPastTheLeaseAndLeasesOneRequestAgain() {
        LeasedTokenBuckets buckets = new LeasedTokenBuckets(shared, nanos::get);
        for (int i = 0; i < 4; i++) {
            take(buckets, "user:a", fiftyPerSecondBurstHundred); // leases of 1, 2 (both used), then 4 (one used)
        }
        assertThat(sharedCalls).hasValue(3);

        advance(LeasedTokenBuckets.VALIDITY.toMillis());
        take(buckets, "user:a", fiftyPerSecondBurstHundred);
        take(buckets, "user:a", fiftyPerSecondBurstHundred);
        // a lease of one request, used up at once, then one of two
        assertThat(sharedCalls).hasValue(5);
    }

    @Test
    void keepsEachCallerOnItsOwnLease() {
        LeasedTokenBuckets buckets = new LeasedTokenBuckets(shared, nanos::get);
        RateLimit one = new RateLimit(1, 1);

        assertThat(take(buckets, "user:a", one).allowed()).isTrue();
        assertThat(take(buckets, "user:b", one).allowed()).isTrue();
        assertThat(take(buckets, "user:a", one).allowed()).isFalse();
        assertThat(buckets.size()).isEqualTo(2);
    }

    private RateDecision take(LeasedTokenBuckets buckets, String caller, RateLimit limit) {
        return buckets.take("route", caller, limit).block();
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
