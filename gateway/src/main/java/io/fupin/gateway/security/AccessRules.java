package io.fupin.gateway.security;

import static io.fupin.gateway.security.AccessRule.authenticated;
import static io.fupin.gateway.security.AccessRule.nobody;
import static io.fupin.gateway.security.AccessRule.open;
import static io.fupin.gateway.security.AccessRule.roles;
import static io.fupin.support.identity.Role.ADMIN;
import static io.fupin.support.identity.Role.CLERK;
import static io.fupin.support.identity.Role.CONSUMER;
import static io.fupin.support.identity.Role.OFFICIAL;
import static io.fupin.support.identity.Role.SELLER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what, at route level: the one place this is decided in the gateway (the README's table is
 * rendered from it, and a test keeps the two equal). Ownership (a seller's own products, a consumer's own
 * orders) is the services' business. The first row that matches a request decides.
 */
public final class AccessRules {

    public static final List<AccessRule> TABLE = List.of(
            open("/api/auth/token", "the development issuer's login (exists only when it is enabled)", POST),
            roles("/api/auth/users", Set.of(ADMIN),
                    "the development issuer's users and roles, for the administrator's console (exists only when it is enabled)", GET, HEAD),
            open("/api/catalog/**", "browsing the catalog needs no account", GET, HEAD),
            roles("/api/catalog/seller-applications", Set.of(CONSUMER),
                    "a signed-in consumer applies to join as a seller (catalog-service refuses one who is a seller already)", POST),
            roles("/api/catalog/**", Set.of(SELLER, OFFICIAL, ADMIN),
                    "sellers list products, officials certify them", POST, PUT, PATCH, DELETE),
            open("/api/payments/callback",
                    "the payment provider's callback; order-service verifies its HMAC signature, freshness and nonce (401 otherwise)", POST),
            roles("/api/orders/**", Set.of(CONSUMER, SELLER, ADMIN),
                    "consumers order, sellers handle the orders of their products"),
            roles("/api/payments/flags", Set.of(CLERK, ADMIN),
                    "clerks review callbacks refused for a wrong amount", GET, HEAD),
            roles("/api/payments/refunds", Set.of(CLERK, ADMIN),
                    "clerks watch refunds owed and not yet confirmed by the provider", GET, HEAD),
            roles("/api/payments/statements/**", Set.of(CLERK, ADMIN),
                    "clerks import the provider's daily statement and read its differences", GET, HEAD, POST),
            roles("/api/payments/**", Set.of(CONSUMER, SELLER, ADMIN), "paying for and refunding orders"),
            open("/api/households/public/**",
                    "trace pages and the storefront show who shares in a product, masked", GET, HEAD),
            roles("/api/households/import", Set.of(OFFICIAL, ADMIN),
                    "bulk import of the household register", POST),
            roles("/api/households/**", Set.of(SELLER, CLERK, OFFICIAL, ADMIN),
                    "clerks read households to settle with them", GET, HEAD),
            roles("/api/households/**", Set.of(SELLER, OFFICIAL, ADMIN),
                    "officials keep the register, sellers declare benefit linkages"),
            open("/api/settlements/public/**",
                    "a parcel's trace page shows each household's masked part of the line", GET, HEAD),
            roles("/api/settlements/sales", Set.of(SELLER),
                    "a seller reads its own sales and where their money stands (settlement answers only its own)", GET, HEAD),
            roles("/api/settlements/**", Set.of(CLERK, ADMIN), "settlement is the clerks' work"),
            authenticated("/api/**", "anything else under /api needs a token (and then finds no route: 404)"),
            open("/actuator/health/**", "liveness and readiness probes"),
            nobody("/actuator/**", "every other actuator endpoint stays closed (and is not exposed at all)"),
            open("/**", "the web UI, the API documentation, the JWKS; `/internal/**` is never routed (404)"));

    private AccessRules() {
    }

    /** Applies the table, in order, to Spring Security's authorization rules. */
    static void applyTo(AuthorizeExchangeSpec exchanges) {
        for (AccessRule rule : TABLE) {
            AuthorizeExchangeSpec.Access access = exchanges.matchers(matcherFor(rule));
            switch (rule.access()) {
                case PUBLIC -> access.permitAll();
                case AUTHENTICATED -> access.authenticated();
                case NOBODY -> access.denyAll();
                case ROLES -> access.hasAnyRole(rule.roleNames());
            }
        }
    }

    private static ServerWebExchangeMatcher matcherFor(AccessRule rule) {
        if (rule.methods().isEmpty()) {
            return ServerWebExchangeMatchers.pathMatchers(rule.pattern());
        }
        List<ServerWebExchangeMatcher> perMethod = rule.methods().stream()
                .map(method -> ServerWebExchangeMatchers.pathMatchers(method, rule.pattern()))
                .toList();
        return new OrServerWebExchangeMatcher(perMethod);
    }

    /** The table as markdown, exactly as it appears in the README. */
    public static String asMarkdown() {
        return Stream.concat(
                        Stream.of("| method | path | who passes | why |", "|---|---|---|---|"),
                        TABLE.stream().map(AccessRule::asMarkdownRow))
                .collect(Collectors.joining("\n"));
    }
}
