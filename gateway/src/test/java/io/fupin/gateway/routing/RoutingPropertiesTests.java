package io.fupin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RoutingPropertiesTests {

    @Test
    void letsARouteOverrideSomeDefaultsAndInheritTheRest() {
        RoutingProperties properties = new RoutingProperties(
                new RouteSettings(Duration.ofSeconds(5), null, null, 10, 20, null),
                Map.of("household-import", new RouteSettings(Duration.ofSeconds(60), null, DataSize.ofMegabytes(20), null, null, 0)));

        RouteSettings imports = properties.forRoute("household-import");
        assertThat(imports).isEqualTo(new RouteSettings(Duration.ofSeconds(60), Duration.ofSeconds(2),
                DataSize.ofMegabytes(20), 10, 20, 0));
        assertThat(properties.forRoute("orders")).isEqualTo(new RouteSettings(Duration.ofSeconds(5), Duration.ofSeconds(2),
                DataSize.ofMegabytes(1), 10, 20, 2));
    }

    @Test
    void fallsBackToBuiltInDefaults() {
        assertThat(new RoutingProperties(null, null).forRoute("catalog")).isEqualTo(RouteSettings.BUILT_IN);
    }
}
