package io.fupin.support.identity;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts a request to the API only with an identity the gateway (or a peer service) signed;
 * anything else is answered 401 before it reaches a controller. The verified caller becomes the
 * request's Spring Security authentication ({@link CallerAuthentication}), which method security checks.
 */
public class IdentityFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final IdentitySignature signature;

    public IdentityFilter(IdentitySignature signature) {
        this.signature = signature;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = signature.verify(request::getHeader);
        } catch (IdentitySignature.UntrustedIdentity e) {
            Problems.write(response, ProblemType.UNAUTHENTICATED, e.getMessage());
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(CallerAuthentication.of(caller));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    /** The verified caller of the current request. */
    public static Caller callerOf(HttpServletRequest request) {
        Object caller = request.getAttribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("No verified caller on " + request.getRequestURI());
        }
        return (Caller) caller;
    }
}
