package io.fupin.gateway.routing;

import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * One public route: the paths (forwarded unchanged) and the service behind them. Special cases of a broader
 * path come first ({@code order} -1) so that they get their own limits.
 *
 * @param method the one method the route takes, or {@code null} for any
 */
public record ApiRoute(String id, String service, HttpMethod method, String path, int order) {

    public static final String CATALOG = "catalog-service";
    public static final String ORDER = "order-service";
    public static final String HOUSEHOLD = "household-service";
    public static final String SETTLEMENT = "settlement-service";

    /** The pages (storefront, trace pages, the consoles), rendered by the web application. */
    public static final String WEB = "web";

    /** What the web application serves; everything else stays the gateway's (API docs, JWKS, actuator). */
    public static final List<String> WEB_PATHS = List.of("/", "/search", "/products/**", "/cart/**", "/checkout/**",
            "/account/**", "/login", "/logout", "/oauth2/**", "/login/oauth2/**", "/trace/**", "/static/**",
            "/webjars/htmx.org/**", "/seller/**", "/clerk/**", "/official/**", "/admin/**", "/webjars/echarts/**");

    /** The services whose instances come from configuration and whose API docs the gateway shows. */
    public static final List<String> SERVICES = List.of(CATALOG, ORDER, HOUSEHOLD, SETTLEMENT);

    public static final List<ApiRoute> ALL = List.of(
            new ApiRoute("household-import", HOUSEHOLD, POST, "/api/households/import", -1),
            new ApiRoute("payment-callback", ORDER, POST, "/api/payments/callback", -1),
            new ApiRoute("catalog-photo", CATALOG, PUT, "/api/catalog/products/*/photo", -1),
            new ApiRoute("catalog", CATALOG, null, "/api/catalog/**", 0),
            new ApiRoute("orders", ORDER, null, "/api/orders/**", 0),
            new ApiRoute("payments", ORDER, null, "/api/payments/**", 0),
            new ApiRoute("households", HOUSEHOLD, null, "/api/households/**", 0),
            new ApiRoute("settlements", SETTLEMENT, null, "/api/settlements/**", 0));
}
