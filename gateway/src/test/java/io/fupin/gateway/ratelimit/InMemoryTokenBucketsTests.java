package io.fupin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryTokenBucketsTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(nanos::get);
    private final RateLimit twoPerSecondBurstFour = new RateLimit(2, 4);

    @Test
    void allowsTheBurstThenRefuses() {
        for (int i = 3; i >= 0; i--) {
            assertThat(take("user:a")).isEqualTo(new RateDecision(true, i));
        }
        assertThat(take("user:a").allowed()).isFalse();
    }

    @Test
    void refillsAtTheReplenishRate() {
        for (int i = 0; i < 4; i++) {
            take("user:a");
        }
        advance(499);
        assertThat(take("user:a").allowed()).isFalse();
        advance(1);
        assertThat(take("user:a").allowed()).isTrue();
        assertThat(take("user:a").allowed()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        advance(60_000);
        for (int i = 0; i < 4; i++) {
            assertThat(take("user:a").allowed()).isTrue();
        }
        assertThat(take("user:a").allowed()).isFalse();
    }

    @Test
    void keepsCallersAndRoutesApart() {
        for (int i = 0; i < 4; i++) {
            take("user:a");
        }
        assertThat(take("user:a").allowed()).isFalse();
        assertThat(take("user:b").allowed()).isTrue();
        assertThat(buckets.take("settlements", "user:a", twoPerSecondBurstFour).block().allowed()).isTrue();
    }

    @Test
    void takesSeveralTokensWhenARequestCostsMore() {
        RateLimit costly = new RateLimit(2, 4, 3);
        assertThat(buckets.take("import", "user:a", costly).block()).isEqualTo(new RateDecision(true, 1));
        assertThat(buckets.take("import", "user:a", costly).block().allowed()).isFalse();
    }

    @Test
    void forgetsBucketsThatAreFullAgain() {
        for (int i = 0; i < 100; i++) {
            take("ip:10.0.0." + i);
        }
        advance(10_000);
        for (int i = 0; i < 1024; i++) {
            take("user:busy");
        }
        assertThat(buckets.size()).isEqualTo(1);
    }

    private RateDecision take(String caller) {
        return buckets.take("orders", caller, twoPerSecondBurstFour).block();
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
