package io.fupin.support.openapi;

import io.fupin.support.identity.Caller;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;

/**
 * What every service's OpenAPI document (and the gateway's own) shares, so that the gateway's Swagger UI can call the API: the
 * gateway's public address as the one server ({@code FUPIN_PUBLIC_URL}), the bearer token scheme behind
 * "Authorize", no internal path or parameter (the {@link Caller} comes from the token, not the request),
 * and every error answer as {@code application/problem+json} with its shape.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
@SuppressWarnings("rawtypes")
public class OpenApiAutoConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final Pattern SCHEMA_REF = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String service,
            @Value("${fupin.public-url:${FUPIN_PUBLIC_URL:http://localhost:8080}}") String publicUrl) {
        return new OpenAPI()
                .info(new Info().title(service).version("v1")
                        .description("Fupin Market's " + service + ", reached through the gateway with a bearer token.")
                        .license(new License().name("Proprietary").url(publicUrl)))
                .servers(List.of(new Server().url(publicUrl).description("The gateway, the platform's one public entrance")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A token from POST /api/auth/token (local) or the platform's identity provider")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    GlobalOpenApiCustomizer publishedApiOnly() {
        return OpenApiAutoConfiguration::publish;
    }

    /** Drops internal paths, and gives each operation its error answers as problems. */
    static void publish(OpenAPI api) {
        api.getPaths().keySet().removeIf(path -> path.startsWith("/internal"));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                answersProblems(path, method, operation)));
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().remove("ProblemDetail");
        }
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        dropUnusedSchemas(api);
    }

    /** Schemas only the dropped internal paths used would be published for nothing. */
    private static void dropUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> used = new HashSet<>(referencesIn(api.getPaths()));
        Deque<String> toVisit = new ArrayDeque<>(used);
        while (!toVisit.isEmpty()) {
            Schema schema = schemas.get(toVisit.pop());
            for (String name : schema == null ? Set.<String>of() : referencesIn(schema)) {
                if (used.add(name)) {
                    toVisit.push(name);
                }
            }
        }
        schemas.keySet().retainAll(used);
    }

    private static Set<String> referencesIn(Object part) {
        Matcher ref = SCHEMA_REF.matcher(Json.pretty(part));
        Set<String> names = new HashSet<>();
        while (ref.find()) {
            names.add(ref.group(1));
        }
        return names;
    }

    private static void answersProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            responses.putIfAbsent("400", new ApiResponse());
        }
        responses.putIfAbsent("401", new ApiResponse());
        responses.putIfAbsent("403", new ApiResponse());
        if (path.contains("{")) {
            responses.putIfAbsent("404", new ApiResponse());
        }
        responses.forEach((code, response) -> {
            // Spring MVC answers JSON for what springdoc calls "*/*" when nothing narrower is declared.
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*") && content.size() == 1) {
                response.setContent(new Content().addMediaType("application/json", content.get("*/*")));
            }
            // A success is never a problem, even where the handler declares it may produce one.
            if (content != null && code.startsWith("2") && content.size() > 1) {
                content.remove("application/problem+json");
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(reasonOf(code));
                }
                response.setContent(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    private static String reasonOf(String code) {
        HttpStatus status = HttpStatus.resolve(Integer.parseInt(code));
        return status == null ? "Error" : status.getReasonPhrase();
    }

    /** RFC 9457 with the {@code errors} a validation problem adds. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The offending field, parameter or header"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An error answer (RFC 9457)")
                .properties(Map.of(
                        "type", new StringSchema().format("uri").example("https://fupin.market/problems/invalid-request"),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "instance", new StringSchema(),
                        "errors", new ArraySchema().items(field).description("For invalid-request: each offending field")))
                .required(List.of("type", "title", "status", "detail"));
    }
}
