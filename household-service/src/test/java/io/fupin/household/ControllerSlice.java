package io.fupin.household;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What every controller slice of household-service shares: MockMvc with the identity filter and method security,
 * requests signed as the gateway signs them, and the problem+json every refusal must have. A slice names its
 * controller with {@code @WebMvcTest} and mocks that controller's collaborators only.
 */
@ActiveProfiles("test")
public abstract class ControllerSlice {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private IdentitySignature signature;

    /**
     * Stands in for the service's ownership rules, which {@code @PreAuthorize} names as {@code @owners}: no
     * seller owns anything unless a test says so.
     */
    @MockitoBean(name = "owners")
    protected OwnershipRules owners;

    /** The rules {@code @owners} answers, by the names the use cases' {@code @PreAuthorize} call. */
    public interface OwnershipRules {

        boolean ofProduct(UUID productId);

        boolean ofHousehold(UUID householdId);

        boolean ofAgreement(UUID agreementId);

        boolean ofOffer(UUID offerId);
    }

    /** A caller of {@code role}, signed as the gateway signs it. */
    protected RequestPostProcessor as(Role role) {
        return new SignedCallers(signature).as(role);
    }

    /** Any caller, e.g. a second official, signed as the gateway signs it. */
    protected RequestPostProcessor as(Caller caller) {
        return new SignedCallers(signature).as(caller);
    }

    /** A visitor without a token, as the gateway passes it on. */
    protected RequestPostProcessor anonymous() {
        return new SignedCallers(signature).anonymous();
    }

    /**
     * A mock of a use case's application service that keeps the service's {@code @PreAuthorize} rules: a
     * {@code @MockitoBean} is not proxied by method security, a bean returned from a slice's
     * {@code @TestConfiguration} is. Reset after each test, like a {@code @MockitoBean}; stub and verify it through
     * {@link #unsecured}.
     */
    public static <T> T securedMock(Class<T> type) {
        return Mockito.mock(type, MockReset.withSettings(MockReset.AFTER));
    }

    /** The mock behind method security's proxy, to stub and verify without being a caller. */
    protected static <T> T unsecured(T secured) {
        return AopTestUtils.getUltimateTargetObject(secured);
    }

    /** Performs the request and expects the problem+json of {@code slug} with {@code status}. */
    protected ResultActions problem(MockHttpServletRequestBuilder request, int status, String slug) throws Exception {
        return mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fupin.market/problems/" + slug))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
