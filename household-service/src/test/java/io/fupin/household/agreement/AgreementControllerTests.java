package io.fupin.household.agreement;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.household.HouseholdSlice;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.common.InvalidInput;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Purchase agreements and their deliveries: who may, and the problem+json of each refusal. */
@ControllerSlice(AgreementController.class)
class AgreementControllerTests extends HouseholdSlice {

    static final AgreementId AGREEMENT = new AgreementId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));

    @MockitoBean
    PurchaseAgreements agreements;

    @Test
    void onlyAnOfficialOrAnAdministratorRecordsAnAgreement() throws Exception {
        mvc.perform(record().with(as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        mvc.perform(record().with(as(Role.CLERK))).andExpect(problem(403, "forbidden"));
        mvc.perform(record()).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(agreements);
    }

    @Test
    void anAgreementBreakingTheRulesIsAnsweredFieldByField() throws Exception {
        given(agreements.record(any(), any())).willThrow(new InvalidInput(List.of(
                new Violation("unitPriceFen", "must be positive"), new Violation("quantity", "must be positive"))));
        mvc.perform(record().with(as(Role.OFFICIAL))).andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.detail").value("2 problems, first: unitPriceFen: must be positive."))
                .andExpect(jsonPath("$.errors[1].field").value("quantity"));
    }

    @Test
    void theBuyingSellerRecordsADeliveryAndNoOtherSellerDoes() throws Exception {
        mvc.perform(deliver().with(as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        verifyNoInteractions(agreements);
        given(owners.ofAgreement(AGREEMENT)).willReturn(true);
        mvc.perform(deliver().with(as(Role.SELLER))).andExpect(status().isCreated());
    }

    @Test
    void anUnknownAgreementIsNotFound() throws Exception {
        given(agreements.view(any(), eq(AGREEMENT))).willThrow(new AgreementNotFound(AGREEMENT));
        mvc.perform(get("/api/households/purchase-agreements/" + AGREEMENT.value()).with(as(Role.CLERK)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No purchase agreement " + AGREEMENT.value() + "."));
    }

    @Test
    void anAgreementIdThatIsNoneNamesTheParameter() throws Exception {
        mvc.perform(get("/api/households/purchase-agreements/agreement-1").with(as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("agreementId"));
        verifyNoInteractions(agreements);
    }

    private static MockHttpServletRequestBuilder record() {
        return post("/api/households/purchase-agreements").contentType(MediaType.APPLICATION_JSON).content("""
                {"householdId":"00000000-0000-0000-0000-0000000000d1","enterpriseName":"定西马铃薯合作社",
                 "produce":"马铃薯","quantity":1000,"unit":"kg","unitPriceFen":250}""");
    }

    private static MockHttpServletRequestBuilder deliver() {
        return post("/api/households/purchase-agreements/" + AGREEMENT.value() + "/deliveries")
                .contentType(MediaType.APPLICATION_JSON).content("{\"deliveredOn\":\"2026-11-30\",\"quantity\":100}");
    }
}
