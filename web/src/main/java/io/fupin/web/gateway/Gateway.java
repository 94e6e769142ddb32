package io.fupin.web.gateway;

import io.fupin.web.WebProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API through the gateway. Each call carries the caller's bearer token when one is given, runs behind the
 * breaker of its service (the path segment after {@code /api/}), and ends in a value, an {@link ApiProblem}
 * (4xx), {@link SignInNeeded} (401 with a token) or {@link ServiceDown} (no answer, 5xx, open breaker).
 */
@Component
public class Gateway {

    private final RestClient http;
    private final URI base;
    private final CircuitBreakerRegistry breakers;
    private final JsonMapper json = JsonMapper.builder().build();

    public Gateway(RestClient.Builder builder, WebProperties properties) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        this.base = properties.gatewayUrl();
        this.http = builder.baseUrl(properties.gatewayUrl().toString()).requestFactory(factory).build();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .recordExceptions(ServiceDown.class)
                .build());
    }

    public <T> T get(String token, String path, Class<T> type, Object... vars) {
        return call(path, token, () -> authorised(http.get().uri(path, vars), token).retrieve().body(type));
    }

    /** A GET of a path and query built (and encoded) by the caller, e.g. a search with the user's words. */
    public <T> T get(String token, URI pathAndQuery, Class<T> type) {
        String path = pathAndQuery.getRawPath();
        return call(path, token, () -> authorised(http.get().uri(base.resolve(pathAndQuery)), token).retrieve().body(type));
    }

    public <T> T get(String token, String path, ParameterizedTypeReference<T> type, Object... vars) {
        return call(path, token, () -> authorised(http.get().uri(path, vars), token).retrieve().body(type));
    }

    public <T> T post(String token, String path, Object body, Map<String, String> headers, Class<T> type,
            Object... vars) {
        return call(path, token, () -> {
            RestClient.RequestBodySpec spec = http.post().uri(path, vars);
            authorised(spec, token);
            headers.forEach(spec::header);
            if (body != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return spec.retrieve().body(type);
        });
    }

    public <T> T put(String token, String path, Object body, Class<T> type, Object... vars) {
        return call(path, token, () -> authorised(http.put().uri(path, vars), token)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    /**
     * A PUT of one file as the multipart part {@code part} (a product photo). The part is built by hand: Spring's
     * MultipartBodyBuilder needs Reactive Streams, which this servlet application does not carry.
     */
    public <T> T putFile(String token, String path, String part, String filename, MediaType type, byte[] content,
            Class<T> answer, Object... vars) {
        return call(path, token, () -> authorised(http.put().uri(path, vars), token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(multipart(part, filename, type, content))
                .retrieve().body(answer));
    }

    /** A POST of one file as the multipart part {@code part} (a CSV of households to import), built as for a PUT. */
    public <T> T postFile(String token, String path, String part, String filename, MediaType type, byte[] content,
            Class<T> answer, Object... vars) {
        return call(path, token, () -> authorised(http.post().uri(path, vars), token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(multipart(part, filename, type, content))
                .retrieve().body(answer));
    }

    private static MultiValueMap<String, Object> multipart(String part, String filename, MediaType type,
            byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(type);
        partHeaders.setContentDisposition(ContentDisposition.formData().name(part).filename(filename).build());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(part, new HttpEntity<>(content, partHeaders));
        return parts;
    }

    /** A file the API writes (a payout file, a statement as CSV), as its bytes. */
    public byte[] download(String token, String path, Object... vars) {
        return call(path, token, () -> {
            RestClient.RequestHeadersSpec<?> spec = http.get().uri(path, vars);
            if (token != null) {
                spec.header("Authorization", "Bearer " + token);
            }
            return spec.accept(MediaType.ALL).retrieve().body(byte[].class);
        });
    }

    private static <S extends RestClient.RequestHeadersSpec<?>> S authorised(S spec, String token) {
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        spec.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        return spec;
    }

    private <T> T call(String path, String token, Supplier<T> request) {
        String service = serviceOf(path);
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        try {
            return breaker.executeSupplier(() -> {
                try {
                    return request.get();
                } catch (RestClientResponseException e) {
                    throw translate(service, token != null, e);
                } catch (ResourceAccessException e) {
                    throw new ServiceDown(service, "no answer", e);
                }
            });
        } catch (CallNotPermittedException open) {
            throw new ServiceDown(service, "circuit open", open);
        }
    }

    private RuntimeException translate(String service, boolean withToken, RestClientResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        if (status.is5xxServerError()) {
            return new ServiceDown(service, "answered " + status.value(), e);
        }
        JsonNode body = parse(e.getResponseBodyAsString());
        if (status.value() == 401 && withToken) {
            return new SignInNeeded();
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        JsonNode list = body.path("errors");
        if (list.isArray()) {
            for (JsonNode error : list) {
                errors.add(new ApiProblem.FieldError(error.path("field").asString(null),
                        error.path("message").asString(null),
                        error.path("line").isNumber() ? Integer.valueOf(error.path("line").asInt()) : null));
            }
        }
        return new ApiProblem(status.value(), typeOf(body), body.path("detail").asString(e.getStatusText()), errors,
                retryAfter(e.getResponseHeaders()));
    }

    /** {@code Retry-After} in seconds (what the gateway and the services send); a date or nonsense counts as absent. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.trim()));
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? json.missingNode() : json.readTree(text);
        } catch (RuntimeException notJson) {
            return json.missingNode();
        }
    }

    private static String typeOf(JsonNode body) {
        String type = body.path("type").asString("about:blank");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    static String serviceOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 2 && "api".equals(segments[1]) ? segments[2] : "gateway";
    }
}
