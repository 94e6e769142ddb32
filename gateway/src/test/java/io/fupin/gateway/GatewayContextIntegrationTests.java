package io.fupin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fupin.support.identity.IdentitySignature;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;

class GatewayContextIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RouteLocator routes;

    @Test
    void leavesTheServletAndKafkaPartsOfServiceSupportOff() {
        assertThat(context.getBeanNamesForType(IdentitySignature.class)).containsExactly("identitySignature");
        assertThat(context.containsBean("io.fupin.support.identity.IdentityAutoConfiguration")).isFalse();
        assertThat(context.containsBean("io.fupin.support.kafka.EventsAutoConfiguration")).isFalse();
        assertThat(context.containsBean("io.fupin.support.jdbc.UuidConversionsAutoConfiguration")).isFalse();
        assertThat(context.containsBean("identityFilter")).isFalse();
        assertThat(context.containsBean("serviceIdentityInterceptor")).isFalse();
    }

    @Test
    void definesEveryApiRouteAndOneDocumentRoutePerService() {
        assertThat(routes.getRoutes().map(Route::getId).collectList().block())
                .contains("household-import", "payment-callback", "catalog-photo", "catalog", "orders", "payments", "households",
                        "settlements", "catalog-service-api-docs", "order-service-api-docs",
                        "household-service-api-docs", "settlement-service-api-docs");
    }

    @Test
    void givesEachRouteItsTimeoutAndBodyLimit() {
        Route imports = routes.getRoutes().filter(r -> r.getId().equals("household-import")).blockFirst();
        Route catalog = routes.getRoutes().filter(r -> r.getId().equals("catalog")).blockFirst();
        Route photos = routes.getRoutes().filter(r -> r.getId().equals("catalog-photo")).blockFirst();
        assertThat(imports.getMetadata()).containsEntry("response-timeout", 60_000L)
                .containsEntry("fupin.max-body-size", 20L * 1024 * 1024);
        assertThat(catalog.getMetadata()).containsEntry("response-timeout", 10_000L)
                .containsEntry("connect-timeout", 2_000L)
                .containsEntry("fupin.max-body-size", 1024L * 1024);
        // a 2 MB photo and its multipart framing pass the gateway; catalog-service answers the size itself
        assertThat(photos.getMetadata()).containsEntry("fupin.max-body-size", 3L * 1024 * 1024);
        assertThat(photos.getOrder()).isLessThan(catalog.getOrder());
        // the official console's household CSV (20 MB) and its framing; the seller console's photo or tracking numbers
        Route pages = routes.getRoutes().filter(r -> r.getId().equals("web")).blockFirst();
        assertThat(pages.getMetadata()).containsEntry("fupin.max-body-size", 21L * 1024 * 1024);
    }

    @Test
    void readsTheRateLimitScriptOnceAndObservesNoRedisCommand() throws Exception {
        RedisScript<?> script = context.getBean(RedisRateLimiter.REDIS_SCRIPT_NAME, RedisScript.class);
        String lua = new ClassPathResource("META-INF/scripts/request_rate_limiter.lua").getContentAsString(StandardCharsets.UTF_8);
        assertThat(script.getScriptAsString()).isEqualTo(lua);
        assertThat(ReflectionTestUtils.getField(script, "scriptSource")).isInstanceOf(StaticScriptSource.class);

        LettuceConnectionFactory redis = context.getBean(LettuceConnectionFactory.class);
        assertThat(redis.getClientResources().tracing().isEnabled()).isFalse();
    }

    @Test
    void servesOnTheNativeEpollTransportOnLinux() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
        assertThat(Epoll.isAvailable()).as("epoll unavailable: %s", Epoll.unavailabilityCause()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(thread -> thread.getName().startsWith("reactor-http-epoll"));
    }
}
