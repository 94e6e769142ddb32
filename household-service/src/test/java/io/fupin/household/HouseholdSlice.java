package io.fupin.household;

import io.fupin.support.identity.Caller;
import io.fupin.support.testing.ControllerSlice;
import java.util.UUID;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The preamble of household-service's controller slices: service-support's {@link ControllerSlice}, and a stand-in
 * for the ownership rules the use cases' {@code @PreAuthorize} name as {@code @owners}, under which no seller owns
 * anything unless a test says so.
 */
public abstract class HouseholdSlice extends ControllerSlice {

    @MockitoBean(name = "owners")
    protected OwnershipRules owners;

    /** The rules {@code @owners} answers, by the names the use cases' {@code @PreAuthorize} call. */
    public interface OwnershipRules {

        boolean ofProduct(UUID productId);

        boolean ofHousehold(UUID householdId);

        boolean ofAgreement(UUID agreementId);

        boolean ofOffer(UUID offerId);
    }

    /** Any caller, e.g. a second official, signed as the gateway signs it. */
    protected RequestPostProcessor as(Caller caller) {
        return callers().as(caller);
    }

    /** A visitor without a token, as the gateway passes it on. */
    protected RequestPostProcessor anonymous() {
        return callers().anonymous();
    }
}
