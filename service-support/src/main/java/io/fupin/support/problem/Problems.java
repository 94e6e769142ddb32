package io.fupin.support.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problems with stable type URIs, {@code https://fupin.market/problems/<slug>}. */
public final class Problems {

    public static final String TYPE_BASE = "https://fupin.market/problems/";

    static final URI BLANK_TYPE = URI.create("about:blank");

    /** Serialises a problem flat, as RFC 9457 wants it, where Spring's message converters are not in play. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private Problems() {
    }

    /** A problem of a type not in {@link ProblemType} (household-service's own, until they join the list). */
    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(slug));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static URI typeOf(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** The slug of a status without a more precise one: {@code 405 Method Not Allowed} is {@code method-not-allowed}. */
    public static String slugOf(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The problem as RFC 9457 JSON: extension members beside the standard ones, no empty member. */
    public static byte[] json(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }

    /** For filters, which answer before Spring MVC's message converters are in play. */
    public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        write(response, type.problem(detail));
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(problem));
    }
}
