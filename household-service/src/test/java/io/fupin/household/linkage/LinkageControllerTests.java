package io.fupin.household.linkage;

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
import io.fupin.support.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Declaring and reading linkages: who may, and the problem+json of each refusal. */
@WebMvcTest(LinkageController.class)
class LinkageControllerTests extends HouseholdSlice {

    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    static final String VERSION = """
            {"lotName":"兴功村700只鹅","shares":[{"householdId":"00000000-0000-0000-0000-0000000000d1","shares":2}]}""";

    @TestConfiguration
    static class UseCases {

        @Bean
        BenefitLinkages linkages() {
            return useCase(BenefitLinkages.class);
        }

        @Bean
        Beneficiaries beneficiaries() {
            return useCase(Beneficiaries.class);
        }
    }

    @Autowired
    BenefitLinkages securedLinkages;

    @Autowired
    Beneficiaries securedBeneficiaries;

    BenefitLinkages linkages;

    Beneficiaries beneficiaries;

    @BeforeEach
    void unwrap() {
        linkages = behind(securedLinkages);
        beneficiaries = behind(securedBeneficiaries);
    }

    @Test
    void onlyTheProductsSellerOrAnOfficialDeclares() throws Exception {
        problem(declare().with(as(Role.SELLER)), 403, "forbidden");
        problem(declare().with(as(Role.CLERK)), 403, "forbidden");
        problem(declare().with(anonymous()), 401, "unauthenticated");
        verifyNoInteractions(linkages);

        given(owners.ofProduct(PRODUCT)).willReturn(true);
        mvc.perform(declare().with(as(Role.SELLER))).andExpect(status().isCreated());
        mvc.perform(declare().with(as(Role.OFFICIAL))).andExpect(status().isCreated());
        verify(linkages, org.mockito.Mockito.times(2)).declare(any(), eq(PRODUCT), any());
    }

    @Test
    void aProductCatalogHasNotAnnouncedIsAConflictToRetry() throws Exception {
        given(linkages.declare(any(), eq(PRODUCT), any())).willThrow(new ProductNotKnown(PRODUCT));
        problem(declare().with(as(Role.OFFICIAL)), 409, "product-not-known")
                .andExpect(jsonPath("$.detail").value(containsString(PRODUCT.toString())));
    }

    @Test
    void twoFirstDeclarationsAtOnceAreAConflict() throws Exception {
        given(linkages.declare(any(), eq(PRODUCT), any())).willThrow(new ConcurrentDeclaration());
        problem(declare().with(as(Role.ADMIN)), 409, "concurrent-declaration");
    }

    @Test
    void aVersionBreakingTheRulesNamesTheField() throws Exception {
        given(linkages.declare(any(), eq(PRODUCT), any())).willThrow(InvalidInput.of("shares", "at most 5000 households"));
        problem(declare().with(as(Role.OFFICIAL)), 400, "invalid-request")
                .andExpect(jsonPath("$.detail").value("Invalid shares: at most 5000 households."))
                .andExpect(jsonPath("$.errors[0].field").value("shares"));
    }

    @Test
    void aProductWithoutLinkageIsNotFoundEvenToTheStorefront() throws Exception {
        given(beneficiaries.ofProduct(PRODUCT)).willThrow(LinkageNotFound.noneInForce(PRODUCT));
        problem(get("/api/households/public/products/" + PRODUCT + "/beneficiaries").with(anonymous()),
                404, "not-found").andExpect(jsonPath("$.detail").value("Product " + PRODUCT + " has no linkage in force."));
        given(linkages.inForce(eq(PRODUCT), any())).willThrow(LinkageNotFound.noVersionInForceThen(PRODUCT));
        problem(get("/api/households/products/" + PRODUCT + "/linkage").param("at", "2020-01-01T00:00:00Z")
                .with(as(Role.CLERK)), 404, "not-found");
    }

    @Test
    void anInstantThatIsNoneNamesTheParameter() throws Exception {
        problem(get("/api/households/products/" + PRODUCT + "/linkage").param("at", "yesterday")
                .with(as(Role.CLERK)), 400, "invalid-request").andExpect(jsonPath("$.errors[0].field").value("at"));
        verifyNoInteractions(linkages);
    }

    @Test
    void aHouseholdsLinkagesAreNotASellersToRead() throws Exception {
        problem(get("/api/households/" + UUID.randomUUID() + "/linkages").with(as(Role.SELLER)), 403, "forbidden");
        verifyNoInteractions(linkages);
    }

    private static MockHttpServletRequestBuilder declare() {
        return post("/api/households/products/" + PRODUCT + "/linkage/versions")
                .contentType(MediaType.APPLICATION_JSON).content(VERSION);
    }
}
