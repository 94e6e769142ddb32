package io.fupin.support.testing;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What every {@code @WebMvcTest} slice of a controller starts from: the service's {@code test} profile (its identity
 * secret), {@link MockMvc}, callers signed as the gateway signs them, and the shape every refusal must have. A slice
 * names its controller and stands in only for that controller's collaborators.
 * <p>
 * Where the rules sit on the application service ({@code @PreAuthorize} on its methods), declare its stand-in as an
 * ordinary bean, {@code @Bean Payouts payouts() { return useCase(Payouts.class); }}, and stub it
 * {@linkplain #behind(Object) behind} its rules: method security then wraps it as it wraps the real service and the
 * slice checks who may call it. A {@code @MockitoBean} is not post-processed, so it would let every caller through.
 * The services' class proxies are made as in the application (a service implementing an interface stays injectable
 * by its class).
 */
@ActiveProfiles("test")
@ImportAutoConfiguration(AopAutoConfiguration.class)
public abstract class ControllerSlice {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private IdentitySignature signature;

    @Autowired
    private ApplicationContext context;

    /** A stand-in for an application service, to be declared as a {@code @Bean} so that its rules apply. */
    public static <T> T useCase(Class<T> type) {
        return Mockito.mock(type);
    }

    /** The mock behind a use case's secured bean: stub and verify it here, past its rules. */
    protected static <T> T behind(T useCase) {
        return AopTestUtils.getUltimateTargetObject(useCase);
    }

    /** The stand-ins live as long as the cached context: each test starts from fresh ones. */
    @AfterEach
    void forgetWhatTheUseCasesWereTold() {
        context.getBeansOfType(Object.class, false, false).values().stream()
                .map(AopTestUtils::getUltimateTargetObject)
                .filter(bean -> Mockito.mockingDetails(bean).isMock())
                .forEach(Mockito::reset);
    }

    /** Callers of each role, signed; {@code callers().anonymous()} is a visitor without a token. */
    protected SignedCallers callers() {
        return new SignedCallers(signature);
    }

    /** A caller holding one role, signed as the gateway signs it. */
    protected RequestPostProcessor as(Role role) {
        return callers().as(role);
    }

    /**
     * Performs the request and expects a problem+json of this status and type, with a title and a detail; the
     * caller goes on to check the detail and the extension members.
     */
    protected ResultActions problem(MockHttpServletRequestBuilder request, int status, String slug) throws Exception {
        return mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + slug))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
