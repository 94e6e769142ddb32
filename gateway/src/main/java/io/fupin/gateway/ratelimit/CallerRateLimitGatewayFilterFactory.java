package io.fupin.gateway.ratelimit;

import io.fupin.gateway.problem.Problems;
import io.fupin.support.problem.ProblemType;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * {@code CallerRateLimit=<replenishRate>,<burstCapacity>[,<requestedTokens>]}: a token bucket per caller
 * and route. Unlike the stock {@code RequestRateLimiter} it answers a refusal as problem+json with
 * {@code Retry-After}, and keeps limiting (in memory) while Redis is away.
 */
public class CallerRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<CallerRateLimitGatewayFilterFactory.Config> {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final TokenBuckets buckets;
    private final CallerKeys keys;

    CallerRateLimitGatewayFilterFactory(TokenBuckets buckets, CallerKeys keys) {
        super(Config.class);
        this.buckets = buckets;
        this.keys = keys;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("replenishRate", "burstCapacity", "requestedTokens");
    }

    @Override
    public GatewayFilter apply(Config config) {
        RateLimit limit = new RateLimit(config.getReplenishRate(), config.getBurstCapacity(), config.getRequestedTokens());
        return apply(limit);
    }

    public GatewayFilter apply(RateLimit limit) {
        return (exchange, chain) -> {
            Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            return buckets.take(route.getId(), keys.keyFor(exchange), limit).flatMap(decision -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set(REMAINING_HEADER, Long.toString(decision.remaining()));
                if (decision.allowed()) {
                    return chain.filter(exchange);
                }
                long retryAfter = limit.retryAfter().toSeconds();
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                ProblemDetail problem = ProblemType.TOO_MANY_REQUESTS.problem(
                        "Too many requests on this route; try again in " + retryAfter + " s.");
                return Problems.write(exchange, problem);
            });
        };
    }

    public static class Config {

        private int replenishRate;
        private int burstCapacity;
        private int requestedTokens = 1;

        public int getReplenishRate() {
            return replenishRate;
        }

        public void setReplenishRate(int replenishRate) {
            this.replenishRate = replenishRate;
        }

        public int getBurstCapacity() {
            return burstCapacity;
        }

        public void setBurstCapacity(int burstCapacity) {
            this.burstCapacity = burstCapacity;
        }

        public int getRequestedTokens() {
            return requestedTokens;
        }

        public void setRequestedTokens(int requestedTokens) {
            this.requestedTokens = requestedTokens;
        }
    }
}
