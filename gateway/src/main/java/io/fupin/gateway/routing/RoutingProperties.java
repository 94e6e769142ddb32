package io.fupin.gateway.routing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaults settings of every route
 * @param routes   per route id, what differs from the defaults
 */
@ConfigurationProperties("fupin.gateway.routing")
public record RoutingProperties(RouteSettings defaults, Map<String, RouteSettings> routes) {

    public RoutingProperties {
        defaults = defaults == null ? RouteSettings.BUILT_IN : defaults.over(RouteSettings.BUILT_IN);
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    public RouteSettings forRoute(String routeId) {
        RouteSettings own = routes.get(routeId);
        return own == null ? defaults : own.over(defaults);
    }
}
