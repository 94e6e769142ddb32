package io.fupin.web.admin;

import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** The services' administration endpoints through the gateway, as the signed-in administrator. */
@Component
class AdminDesk {

    /** The services whose consumers keep dead letters, by the API prefix they answer under. */
    static final List<String> CONSUMERS = List.of("catalog", "households", "settlements");

    record DeadLetter(String topic, int partition, long offset, String key, Instant timestamp, String originalTopic,
            String exception, int sizeBytes, boolean outstanding) {
    }

    record DeadLetters(Map<String, Long> outstanding, List<DeadLetter> deadLetters) {
    }

    record Replay(long replayed) {
    }

    record Flag(UUID id, UUID paymentId, String reason, long expectedAmountFen, long reportedAmountFen,
            String providerTradeNo, Instant flaggedAt) {
    }

    record Limit(UUID productId, int maxUnitsPerBuyer) {
    }

    private static final ParameterizedTypeReference<ApiPage<Flag>> FLAGS = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;
    private final CurrentUser user;

    AdminDesk(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    DeadLetters deadLetters(String service) {
        return gateway.get(user.requireToken(), "/api/" + service + "/dead-letters?limit=50", DeadLetters.class);
    }

    long replay(String service) {
        Replay replay = gateway.post(user.requireToken(), "/api/" + service + "/dead-letters/replay", null, Map.of(),
                Replay.class);
        return replay == null ? 0 : replay.replayed();
    }

    ApiPage<Flag> flags(int page) {
        return gateway.get(user.requireToken(), "/api/payments/flags?page={page}&size=50", FLAGS, page);
    }

    Limit limit(UUID productId) {
        return gateway.get(user.requireToken(), "/api/orders/livestream-limits/{id}", Limit.class, productId);
    }

    Limit setLimit(UUID productId, int maxUnitsPerBuyer) {
        return gateway.put(user.requireToken(), "/api/orders/livestream-limits/{id}",
                Map.of("maxUnitsPerBuyer", maxUnitsPerBuyer), Limit.class, productId);
    }
}
