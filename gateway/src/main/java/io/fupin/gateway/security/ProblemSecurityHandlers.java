package io.fupin.gateway.security;

import io.fupin.gateway.problem.Problems;
import io.fupin.support.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json, with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
@Component
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRejected = failure instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenRejected
                ? "The bearer token was rejected: " + failure.getMessage()
                : "This needs a bearer token in the Authorization header.";
        return Problems.write(exchange, ProblemType.UNAUTHENTICATED, detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return Problems.write(exchange, ProblemType.FORBIDDEN,
                "Your roles do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value() + ".");
    }
}
