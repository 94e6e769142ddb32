package io.fupin.household.linkage;

import static io.fupin.support.testing.Slices.problem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.household.HouseholdSlice;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.linkage.BenefitLinkages.HouseholdShare;
import io.fupin.household.registry.HouseholdId;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.testing.ControllerSlice;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Declaring and reading linkages: who may, and the problem+json of each refusal. */
@ControllerSlice(LinkageController.class)
class LinkageControllerTests extends HouseholdSlice {

    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    static final String VERSION = """
            {"lotName":"兴功村700只鹅","shares":[{"householdId":"00000000-0000-0000-0000-0000000000d1","shares":2}]}""";

    @MockitoBean
    BenefitLinkages linkages;

    @MockitoBean
    Beneficiaries beneficiaries;

    @Test
    void onlyTheProductsSellerOrAnOfficialDeclares() throws Exception {
        mvc.perform(declare().with(as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        mvc.perform(declare().with(as(Role.CLERK))).andExpect(problem(403, "forbidden"));
        mvc.perform(declare().with(anonymous())).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(linkages);

        given(owners.ofProduct(PRODUCT)).willReturn(true);
        mvc.perform(declare().with(as(Role.SELLER))).andExpect(status().isCreated());
        mvc.perform(declare().with(as(Role.OFFICIAL))).andExpect(status().isCreated());
        verify(linkages, org.mockito.Mockito.times(2)).declare(any(), eq(PRODUCT), any());
    }

    @Test
    void aProductCatalogHasNotAnnouncedIsAConflictToRetry() throws Exception {
        given(linkages.declare(any(), eq(PRODUCT), any())).willThrow(new ProductNotKnown(PRODUCT));
        mvc.perform(declare().with(as(Role.OFFICIAL))).andExpect(problem(409, "product-not-known"))
                .andExpect(jsonPath("$.detail").value(containsString(PRODUCT.toString())));
    }

    @Test
    void twoFirstDeclarationsAtOnceAreAConflict() throws Exception {
        given(linkages.declare(any(), eq(PRODUCT), any())).willThrow(new ConcurrentDeclaration());
        mvc.perform(declare().with(as(Role.ADMIN))).andExpect(problem(409, "concurrent-declaration"));
    }

    @Test
    void aVersionBreakingTheRulesNamesTheField() throws Exception {
        given(linkages.declare(any(), eq(PRODUCT), any())).willThrow(InvalidInput.of("shares", "at most 5000 households"));
        mvc.perform(declare().with(as(Role.OFFICIAL))).andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.detail").value("Invalid shares: at most 5000 households."))
                .andExpect(jsonPath("$.errors[0].field").value("shares"));
    }

    @Test
    void aProductWithoutLinkageIsNotFoundEvenToTheStorefront() throws Exception {
        given(beneficiaries.ofProduct(PRODUCT)).willThrow(LinkageNotFound.noneInForce(PRODUCT));
        mvc.perform(get("/api/households/public/products/" + PRODUCT + "/beneficiaries").with(anonymous()))
                
                .andExpect(problem(404, "not-found")).andExpect(jsonPath("$.detail").value("Product " + PRODUCT + " has no linkage in force."));
        given(linkages.inForce(eq(PRODUCT), any())).willThrow(LinkageNotFound.noVersionInForceThen(PRODUCT));
        mvc.perform(get("/api/households/products/" + PRODUCT + "/linkage").param("at", "2020-01-01T00:00:00Z")
                .with(as(Role.CLERK)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void anInstantThatIsNoneNamesTheParameter() throws Exception {
        mvc.perform(get("/api/households/products/" + PRODUCT + "/linkage").param("at", "yesterday")
                .with(as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("at"));
        verifyNoInteractions(linkages);
    }

    @Test
    void aHouseholdsLinkagesAreNotASellersToRead() throws Exception {
        mvc.perform(get("/api/households/" + UUID.randomUUID() + "/linkages").with(as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(linkages);
    }

    @Test
    void answersThePageAskedForOfAProductsVersionsAndAHouseholdsShares() throws Exception {
        HouseholdId household = new HouseholdId(UUID.randomUUID());
        given(linkages.history(PRODUCT, new PageRequest(2, 10))).willReturn(Page.of(List.of(), new PageRequest(2, 10), 21));
        given(linkages.sharesOf(household, new PageRequest(0, 200))).willReturn(Page.of(List.of(
                new HouseholdShare(PRODUCT, UUID.randomUUID(), "兴功村700只鹅", 3, 2, 7)), new PageRequest(0, 200), 1));

        mvc.perform(get("/api/households/products/" + PRODUCT + "/linkage/versions").param("page", "2")
                .param("size", "10").with(as(Role.CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.page").value(2)).andExpect(jsonPath("$.totalItems").value(21))
                .andExpect(jsonPath("$.totalPages").value(3));
        mvc.perform(get("/api/households/" + household.value() + "/linkages").param("size", "200").with(as(Role.CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].productId").value(PRODUCT.toString()))
                .andExpect(jsonPath("$.items[0].totalShares").value(7)).andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void aPageThatCannotBeServedNamesItsParameter() throws Exception {
        mvc.perform(get("/api/households/products/" + PRODUCT + "/linkage/versions").param("size", "201")
                .with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/households/" + UUID.randomUUID() + "/linkages").param("page", "-1")
                .with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/households/" + UUID.randomUUID() + "/linkages").param("page", "2147483647")
                .param("size", "200").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("page"));
        verifyNoInteractions(linkages);
    }

    private static MockHttpServletRequestBuilder declare() {
        return post("/api/households/products/" + PRODUCT + "/linkage/versions")
                .contentType(MediaType.APPLICATION_JSON).content(VERSION);
    }
}
