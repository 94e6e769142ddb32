package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A service's access table: every endpoint under {@code /api} and {@code /internal}, and which callers pass.
 * A caller that passes gets anything but 401/403 (the use case may still say 404 or 409); one that does not
 * gets 401 when it has no token and 403 otherwise. {@link #coversEveryEndpointOf} fails when the service has
 * an endpoint the table does not list, so a new endpoint cannot ship without its rule being written down.
 */
public final class AccessMatrix {

    /**
     * Who calls: no token, each role, and a consumer and a seller that own the resource beside one that does not.
     * CONSUMER owns what a consumer can own (its orders, its payments); CONSUMER_OTHER is another consumer, a
     * fresh one unless the table's caller map names it.
     */
    public enum Who { NONE, CONSUMER, CONSUMER_OTHER, SELLER_OWNER, SELLER_OTHER, CLERK, OFFICIAL, ADMIN, SERVICE }

    public static final Set<Who> ANYONE = EnumSet.allOf(Who.class);
    public static final Set<Who> NOBODY = EnumSet.noneOf(Who.class);

    /**
     * @param method  the HTTP method
     * @param pattern the path as mapped, with {@code {variables}} and, when the call needs one, a query string
     * @param body    the JSON body sent (valid, so that validation does not answer before the rule), or {@code null}
     * @param allowed the callers that pass
     * @param contentType the body's media type ({@code application/json} unless the endpoint takes another)
     * @param headers     headers the call carries besides the caller's identity, made from the body sent
     *                    (a provider's signature, say)
     */
    public record Endpoint(RequestMethod method, String pattern, Supplier<String> body, Set<Who> allowed,
            String contentType, Function<String, Map<String, String>> headers) {

        public Endpoint(RequestMethod method, String pattern, Supplier<String> body, Set<Who> allowed) {
            this(method, pattern, body, allowed, "application/json");
        }

        public Endpoint(RequestMethod method, String pattern, Supplier<String> body, Set<Who> allowed,
                String contentType) {
            this(method, pattern, body, allowed, contentType, sent -> Map.of());
        }

        /** The method and the mapped path, without the query string the call may carry. */
        String key() {
            int query = pattern.indexOf('?');
            return AccessMatrix.key(method, query < 0 ? pattern : pattern.substring(0, query));
        }
    }

    private static final Caller OTHER_CONSUMER = Caller.of("consumer-other-" + UUID.randomUUID(), null, Role.CONSUMER);

    private final List<Endpoint> endpoints;

    public AccessMatrix(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    public static Endpoint get(String pattern, Set<Who> allowed) {
        return new Endpoint(RequestMethod.GET, pattern, () -> null, allowed);
    }

    public static Endpoint post(String pattern, Supplier<String> body, Set<Who> allowed) {
        return new Endpoint(RequestMethod.POST, pattern, body, allowed);
    }

    /** A POST whose body is not JSON, e.g. {@code text/csv}. */
    public static Endpoint post(String pattern, String contentType, Supplier<String> body, Set<Who> allowed) {
        return new Endpoint(RequestMethod.POST, pattern, body, allowed, contentType);
    }

    /** A JSON POST that carries headers made from its body besides the caller's identity. */
    public static Endpoint post(String pattern, Supplier<String> body, Function<String, Map<String, String>> headers,
            Set<Who> allowed) {
        return new Endpoint(RequestMethod.POST, pattern, body, allowed, "application/json", headers);
    }

    public static Endpoint put(String pattern, Supplier<String> body, Set<Who> allowed) {
        return new Endpoint(RequestMethod.PUT, pattern, body, allowed);
    }

    public static Endpoint patch(String pattern, Supplier<String> body, Set<Who> allowed) {
        return new Endpoint(RequestMethod.PATCH, pattern, body, allowed);
    }

    public static Endpoint delete(String pattern, Set<Who> allowed) {
        return new Endpoint(RequestMethod.DELETE, pattern, () -> null, allowed);
    }

    public static Set<Who> only(Who... who) {
        return who.length == 0 ? NOBODY : EnumSet.copyOf(Arrays.asList(who));
    }

    /** Every signed-in person (any role, any seller), not services and not visitors. */
    public static Set<Who> signedIn() {
        return only(Who.CONSUMER, Who.CONSUMER_OTHER, Who.SELLER_OWNER, Who.SELLER_OTHER, Who.CLERK, Who.OFFICIAL, Who.ADMIN);
    }

    /** Variables compare by position, not name: the table may name them after what they hold. */
    static String key(RequestMethod method, String pattern) {
        return method + " " + pattern.replaceAll("\\{[^}]*}", "{}");
    }

    /** Asserts that the table lists exactly the service's endpoints under /api and /internal. */
    public void coversEveryEndpointOf(RequestMappingHandlerMapping mapping) {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/internal/")) {
                    continue;
                }
                (methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods)
                        .forEach(method -> mapped.add(key(method, pattern)));
            }
        }
        Set<String> listed = endpoints.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("the access matrix lists exactly the mapped endpoints").isEqualTo(mapped);
    }

    /**
     * Calls every endpoint as every caller and asserts each answer; all mismatches are reported at once.
     *
     * @param baseUrl   where the service listens
     * @param signature signs as the gateway does
     * @param callers   the caller for each {@link Who} (NONE is the anonymous visitor; CONSUMER_OTHER may be left out)
     * @param variables values for the path variables, by name
     */
    public void check(String baseUrl, IdentitySignature signature, Map<Who, Caller> callers, Map<String, String> variables) {
        HttpClient http = HttpClient.newHttpClient();
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.pattern();
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                path = path.replace("{" + variable.getKey() + "}", variable.getValue());
            }
            assertThat(path).as("every path variable of " + endpoint.pattern() + " has a value").doesNotContain("{");
            for (Who who : Who.values()) {
                Caller caller = who == Who.NONE ? Caller.anonymous()
                        : who == Who.CONSUMER_OTHER ? callers.getOrDefault(who, OTHER_CONSUMER) : callers.get(who);
                assertThat(caller).as("a caller for " + who).isNotNull();
                int status = send(http, baseUrl + path, endpoint, signature.headersFor(caller));
                calls++;
                boolean passed = status != 401 && status != 403;
                int refused = who == Who.NONE ? 401 : 403;
                if (endpoint.allowed().contains(who) ? !passed : status != refused) {
                    mismatches.add(endpoint.key() + " as " + who + ": " + status
                            + (endpoint.allowed().contains(who) ? " (should pass)" : " (expected " + refused + ")"));
                }
            }
        }
        assertThat(calls).isEqualTo(endpoints.size() * Who.values().length);
        assertThat(mismatches).as("answers that differ from the access matrix").isEmpty();
    }

    /**
     * Only health (liveness and readiness) and the Prometheus scrape answer over HTTP; env, metrics, info ... are
     * off (404). The gateway routes no actuator path to a service: only the cluster's Prometheus reaches the scrape.
     */
    public static void assertOnlyHealthAndPrometheusAreExposed(String baseUrl) {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(status(http, baseUrl + "/actuator/health/liveness")).as("liveness").isEqualTo(200);
        assertThat(status(http, baseUrl + "/actuator/prometheus")).as("prometheus").isEqualTo(200);
        for (String closed : List.of("env", "metrics", "info", "configprops", "beans", "loggers", "heapdump")) {
            assertThat(status(http, baseUrl + "/actuator/" + closed)).as("/actuator/" + closed).isEqualTo(404);
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Calling " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int send(HttpClient http, String url, Endpoint endpoint, Map<String, String> identity) {
        String body = endpoint.body().get();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(endpoint.method().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", endpoint.contentType());
        }
        request.header("Idempotency-Key", UUID.randomUUID().toString());
        endpoint.headers().apply(body).forEach(request::header);
        identity.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Calling " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
