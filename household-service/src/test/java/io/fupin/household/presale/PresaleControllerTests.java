package io.fupin.household.presale;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.household.HouseholdSlice;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Presale offers and their subscribers: who may, and the problem+json of each refusal. */
@ControllerSlice(PresaleController.class)
class PresaleControllerTests extends HouseholdSlice {

    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    @MockitoBean
    PresaleMatching matching;

    @Test
    void aSellerOffersOnlyItsOwnProducts() throws Exception {
        mvc.perform(offer().with(as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        mvc.perform(offer().with(as(Role.CONSUMER))).andExpect(problem(403, "forbidden"));
        verifyNoInteractions(matching);
        given(owners.ofProduct(PRODUCT)).willReturn(true);
        mvc.perform(offer().with(as(Role.SELLER))).andExpect(status().isCreated());
    }

    @Test
    void aSecondOfferOfTheSameDateIsAConflict() throws Exception {
        given(matching.offer(any(), any())).willThrow(new OfferExists());
        mvc.perform(offer().with(as(Role.OFFICIAL))).andExpect(problem(409, "offer-exists"));
    }

    @Test
    void anUnknownOfferIsNotFound() throws Exception {
        OfferId offerId = OfferId.next();
        willThrow(new OfferNotFound(offerId)).given(matching).withdraw(any(), eq(offerId));
        mvc.perform(post("/api/households/presale/offers/" + offerId.value() + "/withdraw").with(as(Role.ADMIN)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No presale offer " + offerId.value() + "."));
    }

    @Test
    void onlyOfficialsListOffersAndPagesHaveALimit() throws Exception {
        mvc.perform(get("/api/households/presale/offers").with(as(Role.CLERK))).andExpect(problem(403, "forbidden"));
        verifyNoInteractions(matching);
        mvc.perform(get("/api/households/presale/without-subscribers").param("size", "1001").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    private static MockHttpServletRequestBuilder offer() {
        return post("/api/households/presale/offers").contentType(MediaType.APPLICATION_JSON).content("""
                {"householdId":"00000000-0000-0000-0000-0000000000d1","productId":"%s",
                 "description":"明年春天的鹅","deliveryDate":"2027-04-01"}""".formatted(PRODUCT));
    }
}
