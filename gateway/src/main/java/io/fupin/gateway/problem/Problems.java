package io.fupin.gateway.problem;

import io.fupin.support.problem.ProblemType;
import java.net.ConnectException;
import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes problems of the platform's {@link ProblemType} list, the same types the services answer with. Filters
 * and security handlers write outside Spring's message writers, so this serialises the problem itself, flat as
 * RFC 9457 wants it.
 */
public final class Problems {

    private Problems() {
    }

    /** The status a failure is answered with; the access log uses it too so that both tell the same story. */
    public static HttpStatus statusOf(Throwable failure) {
        if (failure instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        if (failure instanceof DataBufferLimitException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }


    /** Writes the problem as the response unless the response has already started. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (problem.getInstance() == null) {
            String requested = exchange.getAttribute(RequestedPath.ATTRIBUTE);
            problem.setInstance(URI.create(requested != null ? requested : exchange.getRequest().getPath().value()));
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = io.fupin.support.problem.Problems.json(problem);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
        return write(exchange, type.problem(detail));
    }
}
