package io.fupin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTests {

    @Test
    void asksToRetryAfterTheTimeOneRequestsTokensTakeToComeBack() {
        assertThat(new RateLimit(50, 100).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new RateLimit(1, 5, 3).retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(new RateLimit(2, 5, 3).retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesLimitsThatCannotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(10, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(1, 5, 6));
    }
}
