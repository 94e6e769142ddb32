package io.fupin.household;

import io.fupin.household.agreement.AgreementId;
import io.fupin.household.presale.OfferId;
import io.fupin.household.registry.HouseholdId;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What household-service's controller slices share beside service-support's {@code @ControllerSlice}: a stand-in
 * for the ownership rules the use cases' {@code @PreAuthorize} name as {@code @owners}, under which no seller owns
 * anything unless a test says so, and the callers the slices need (any role, a second official, a visitor).
 */
public abstract class HouseholdSlice {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private SignedCallers callers;

    @MockitoBean(name = "owners")
    protected OwnershipRules owners;

    /** The rules {@code @owners} answers, by the names the use cases' {@code @PreAuthorize} call. */
    public interface OwnershipRules {

        boolean ofProduct(UUID productId);

        boolean ofHousehold(HouseholdId householdId);

        boolean ofAgreement(AgreementId agreementId);

        boolean ofOffer(OfferId offerId);
    }

    /** A caller holding one role, signed as the gateway signs it. */
    protected RequestPostProcessor as(Role role) {
        return callers.as(role);
    }

    /** Any caller, e.g. a second official, signed as the gateway signs it. */
    protected RequestPostProcessor as(Caller caller) {
        return callers.as(caller);
    }

    /** A visitor without a token, as the gateway passes it on. */
    protected RequestPostProcessor anonymous() {
        return callers.anonymous();
    }
}
