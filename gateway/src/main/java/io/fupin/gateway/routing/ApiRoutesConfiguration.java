package io.fupin.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import io.fupin.gateway.ratelimit.CallerRateLimitGatewayFilterFactory;
import io.fupin.gateway.ratelimit.RateLimit;
import java.io.IOException;
import java.time.Duration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The routes of {@link ApiRoute#ALL}, each to {@code lb://<service>} with, in this order: the caller's rate
 * limit (a refused request never counts against the service's breaker), the circuit breaker with its
 * fallback, and retries of GET and HEAD only (the others may not be idempotent). Plus one route per
 * service for its OpenAPI document, and the pages ({@link ApiRoute#WEB_PATHS}) to the web application, protected
 * the same way. {@code /internal/**} has no route, so it is never reachable from outside.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutesConfiguration {

    static final String API_DOCS_PATH = "/v3/api-docs/";

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder builder, RoutingProperties routing,
            CallerRateLimitGatewayFilterFactory rateLimit) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ApiRoute api : ApiRoute.ALL) {
            RouteSettings settings = routing.forRoute(api.id());
            routes.route(api.id(), spec -> {
                BooleanSpec predicate = spec.order(api.order()).path(api.path());
                if (api.method() != null) {
                    predicate = predicate.and().method(api.method());
                }
                return predicate
                        .filters(filters -> protect(filters, api.id(), api.service(), settings, rateLimit))
                        .metadata(RESPONSE_TIMEOUT_ATTR, settings.responseTimeout().toMillis())
                        .metadata(CONNECT_TIMEOUT_ATTR, settings.connectTimeout().toMillis())
                        .metadata(BodySizeLimitFilter.MAX_BODY_SIZE, settings.maxBodySize().toBytes())
                        .uri("lb://" + api.service());
            });
        }
        for (String service : ApiRoute.SERVICES) {
            routes.route(service + "-api-docs", spec -> spec
                    .path(API_DOCS_PATH + service).and().method(HttpMethod.GET)
                    .filters(filters -> filters.setPath("/v3/api-docs"))
                    .metadata(RESPONSE_TIMEOUT_ATTR, routing.defaults().responseTimeout().toMillis())
                    .metadata(CONNECT_TIMEOUT_ATTR, routing.defaults().connectTimeout().toMillis())
                    .uri("lb://" + service));
        }
        RouteSettings web = routing.forRoute(ApiRoute.WEB);
        routes.route(ApiRoute.WEB, spec -> spec
                .order(10)
                .path(ApiRoute.WEB_PATHS.toArray(String[]::new))
                .filters(filters -> protect(filters, ApiRoute.WEB, ApiRoute.WEB, web, rateLimit)
                        // The pages build absolute links and redirects (login, OIDC) from the address the browser used.
                        .preserveHostHeader())
                .metadata(RESPONSE_TIMEOUT_ATTR, web.responseTimeout().toMillis())
                .metadata(CONNECT_TIMEOUT_ATTR, web.connectTimeout().toMillis())
                .metadata(BodySizeLimitFilter.MAX_BODY_SIZE, web.maxBodySize().toBytes())
                .uri("lb://" + ApiRoute.WEB));
        return routes.build();
    }

    @SuppressWarnings("unchecked") // setExceptions takes generic varargs
    private static GatewayFilterSpec protect(GatewayFilterSpec filters, String routeId, String service,
            RouteSettings settings, CallerRateLimitGatewayFilterFactory rateLimit) {
        return filters
                .filter(rateLimit.apply(new RateLimit(settings.replenishRate(), settings.burstCapacity())))
                .circuitBreaker(breaker -> breaker.setName(routeId).setFallbackUri("forward:/fallback/" + service))
                .retry(retry -> retry
                        .setRetries(settings.retries())
                        .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                        .setSeries()
                        .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                        .setExceptions(IOException.class)
                        .setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, true));
    }
}
