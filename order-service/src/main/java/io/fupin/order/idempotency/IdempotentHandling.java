package io.fupin.order.idempotency;

import io.fupin.order.idempotency.IdempotentRequests.Answer;
import io.fupin.order.idempotency.IdempotentRequests.Claim;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Callers;
import io.fupin.support.problem.InvalidInput;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * How {@link Idempotent} handlers run, in three parts that meet on the request:
 * <ul>
 * <li>an advisor around the handler, inside method security and after Spring MVC validated the body: a caller
 * refused by either never reaches it, so it claims nothing. It checks the header, claims the key, answers a replay
 * from the kept answer without running the handler, and otherwise gives the handler its {@link ClaimedId};</li>
 * <li>a filter that holds the answer of a request with a key until it is complete, and keeps it with the key
 * (in the claim's one {@code UPDATE}) when the advisor marked it final, before the caller sees it: a replay then
 * answers the very bytes, status and headers first sent, problems rendered by the error handling included;</li>
 * <li>an argument resolver for {@link ClaimedId} and the OpenAPI document's required header.</li>
 * </ul>
 * A new key costs the claim's {@code INSERT} and the answer's {@code UPDATE}, as when each handler did this itself.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotentHandling implements WebMvcConfigurer {

    public static final String HEADER = "Idempotency-Key";

    static final String REPLAYED = "Idempotent-Replayed";

    static final int MAX_KEY_LENGTH = 100;

    private static final String EXCHANGE = IdempotentHandling.class.getName() + ".exchange";

    private static final Logger log = LoggerFactory.getLogger(IdempotentHandling.class);

    static {
        // The claimed id is the handler's, not the caller's: no parameter of the API.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ClaimedId.class);
    }

    /** Below the authorization advisors (whose orders are small numbers): the claim runs after the rules said yes. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor idempotentHandlerAdvisor(ObjectProvider<IdempotentRequests> requests) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(Idempotent.class), new Claiming(requests));
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return advisor;
    }

    /** Each controller slice has this configuration (a WebMvcConfigurer): the keys' store is looked up only when used. */
    @Bean
    FilterRegistrationBean<KeepingAnswers> idempotentAnswers(ObjectProvider<IdempotentRequests> requests) {
        FilterRegistrationBean<KeepingAnswers> registration = new FilterRegistrationBean<>(new KeepingAnswers(requests));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(Idempotent.class)) {
                operation.addParametersItem(new HeaderParameter().name(HEADER).required(true)
                        .description("The caller's key for this request: the same key and body replay the first "
                                + "answer (with Idempotent-Replayed: true); the same key with another body is 422 "
                                + "idempotency-key-reused. Kept 48 hours")
                        .schema(new StringSchema().minLength(1).maxLength(MAX_KEY_LENGTH)));
            }
            return operation;
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ClaimedIds());
    }

    /** What the advisor claimed for this request, and whether its answer is final. */
    private static final class Exchange {
        final String scope;
        final String key;
        boolean finalAnswer;

        Exchange(String scope, String key) {
            this.scope = scope;
            this.key = key;
        }
    }

    private static final class Claiming implements MethodInterceptor {

        private final ObjectProvider<IdempotentRequests> requests;

        Claiming(ObjectProvider<IdempotentRequests> requests) {
            this.requests = requests;
        }

        @Override
        public Object invoke(MethodInvocation call) throws Throwable {
            Method method = call.getMethod();
            Idempotent idempotent = AnnotatedElementUtils.findMergedAnnotation(method, Idempotent.class);
            HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getRequest();
            String key = key(request.getHeader(HEADER));
            Caller caller = Callers.current().orElseThrow();
            String scope = idempotent.scope().isEmpty() ? caller.userId() : idempotent.scope() + ":" + caller.userId();
            Object[] arguments = call.getArguments();
            IdempotentRequests keys = requests.getObject();
            Claim claim = keys.claim(scope, key, arguments[indexOf(method, null, RequestBody.class)]);
            if (claim.answer().isPresent()) {
                return replay(claim.answer().get());
            }
            Exchange exchange = new Exchange(scope, key);
            request.setAttribute(EXCHANGE, exchange);
            arguments[indexOf(method, ClaimedId.class, null)] = new ClaimedId(claim.resourceId(), claim.fresh());
            try {
                Object answer = call.proceed();
                exchange.finalAnswer = true;
                return answer;
            } catch (RuntimeException e) {
                if (kept(idempotent, e)) {
                    exchange.finalAnswer = true;
                } else if (e instanceof ClaimedId.Spender spender && spender.spentClaimedId()) {
                    keys.renewResource(scope, key, claim.resourceId());
                }
                throw e;
            }
        }

        private static String key(String header) {
            if (header == null) {
                throw new InvalidInput(HEADER, "is required");
            }
            if (header.isBlank()) {
                throw new InvalidInput(HEADER, "must not be blank");
            }
            if (header.length() > MAX_KEY_LENGTH) {
                throw new InvalidInput(HEADER, "size must be between 1 and " + MAX_KEY_LENGTH);
            }
            return header;
        }

        private static boolean kept(Idempotent idempotent, RuntimeException e) {
            for (Class<? extends RuntimeException> type : idempotent.kept()) {
                if (type.isInstance(e)) {
                    return true;
                }
            }
            return false;
        }

        private static ResponseEntity<byte[]> replay(Answer answer) {
            ResponseEntity.BodyBuilder replay = ResponseEntity.status(answer.status()).header(REPLAYED, "true");
            if (answer.contentType() != null) {
                replay.contentType(MediaType.parseMediaType(answer.contentType()));
            }
            if (answer.location() != null) {
                replay.header(HttpHeaders.LOCATION, answer.location());
            }
            return replay.body(answer.body().getBytes(StandardCharsets.UTF_8));
        }

        /** The index of the handler's parameter of a type or with an annotation. */
        private static int indexOf(Method method, Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
            for (int i = 0; i < method.getParameterCount(); i++) {
                MethodParameter parameter = new MethodParameter(method, i);
                if (type != null ? parameter.getParameterType() == type : parameter.hasParameterAnnotation(annotation)) {
                    return i;
                }
            }
            throw new IllegalStateException("@Idempotent " + method + " takes no " + (type != null ? type : annotation));
        }
    }

    /** The {@link ClaimedId} parameter: resolved empty here, and set by the advisor once the key is claimed. */
    private static final class ClaimedIds implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ClaimedId.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            if (!parameter.hasMethodAnnotation(Idempotent.class)) {
                throw new IllegalStateException(parameter.getMethod() + " takes a ClaimedId but is not @Idempotent");
            }
            return null;
        }
    }

    /** Holds the answer of a request with a key, and keeps it with the key when the advisor marked it final. */
    static final class KeepingAnswers extends OncePerRequestFilter {

        private final ObjectProvider<IdempotentRequests> requests;

        KeepingAnswers(ObjectProvider<IdempotentRequests> requests) {
            this.requests = requests;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !HttpMethod.POST.matches(request.getMethod()) || request.getHeader(HEADER) == null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, answer);
            if (request.getAttribute(EXCHANGE) instanceof Exchange exchange) {
                answer.setHeader(REPLAYED, "false");
                if (exchange.finalAnswer && answer.getStatus() < 500) {
                    keep(exchange, answer);
                }
            }
            answer.copyBodyToResponse();
        }

        /**
         * Not kept (the database failed just now), the answer is still sent: the key stays open, and a retry resumes
         * under the same id, whose work is idempotent by it, as after a crash between the work and this.
         */
        private void keep(Exchange exchange, ContentCachingResponseWrapper answer) {
            try {
                requests.getObject().keep(exchange.scope, exchange.key, new Answer(answer.getStatus(),
                        new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8), answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION)));
            } catch (RuntimeException e) {
                log.warn("The answer to Idempotency-Key '{}' could not be kept; a retry resumes its work", exchange.key, e);
            }
        }
    }
}
