package io.fupin.catalog.seller;

import static io.fupin.support.testing.Slices.invalid;
import static io.fupin.support.testing.Slices.json;
import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Applying to sell and deciding applications: who may, and how a second application or decision reads. */
@ControllerSlice({SellerApplicationController.class, SellerGrantController.class})
class SellerApplicationControllerTests {

    static final UUID APPLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final String APPLY = """
            {"name":"岗子峪米业有限公司","kind":"COOPERATIVE","creditCode":"91230113MA1B2G3X4H",
             "contact":{"name":"李建国","phone":"13900139000"},"town":"双城镇","village":"兴功村",
             "documents":["营业执照 91230113MA1B2G3X4H"]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    SellerOnboarding onboarding;

    @Test
    void aSellerDoesNotApplyAgainAndOnlyOfficialsDecide() throws Exception {
        mvc.perform(json(post("/api/catalog/seller-applications"), APPLY).with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/catalog/seller-applications/" + APPLICATION + "/approve")
                .with(callers.as(Role.CONSUMER))).andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/catalog/seller-applications").with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(onboarding);
    }

    @Test
    void aSecondWaitingApplicationIsAConflict() throws Exception {
        given(onboarding.apply(any(), any())).willThrow(new SellerApplicationPending());
        mvc.perform(json(post("/api/catalog/seller-applications"), APPLY).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(409, "application-pending"));
    }

    @Test
    void anApplicationIsDecidedOnceAndAnUnknownOneIsNotFound() throws Exception {
        given(onboarding.approve(any(), eq(APPLICATION)))
                .willThrow(new SellerApplicationDecided(APPLICATION, SellerApplication.Status.REJECTED));
        mvc.perform(post("/api/catalog/seller-applications/" + APPLICATION + "/approve")
                .with(callers.as(Role.OFFICIAL))).andExpect(problem(409, "application-decided"))
                .andExpect(jsonPath("$.detail").value("Seller application " + APPLICATION + " is already REJECTED."));

        given(onboarding.reject(any(), eq(APPLICATION), eq("no licence")))
                .willThrow(new SellerApplicationNotFound(APPLICATION));
        mvc.perform(json(post("/api/catalog/seller-applications/" + APPLICATION + "/reject"),
                "{\"reason\":\"no licence\"}").with(callers.as(Role.ADMIN))).andExpect(problem(404, "not-found"));
    }

    @Test
    void anApplicationWithoutDocumentsARejectionWithoutReasonOrAnUnknownStatusNamesTheField() throws Exception {
        mvc.perform(json(post("/api/catalog/seller-applications"), APPLY.replaceAll("\\[.*]", "[]"))
                .with(callers.as(Role.CONSUMER))).andExpect(invalid("documents"));
        mvc.perform(json(post("/api/catalog/seller-applications/" + APPLICATION + "/reject"), "{}")
                .with(callers.as(Role.OFFICIAL))).andExpect(invalid("reason"));
        mvc.perform(get("/api/catalog/seller-applications").param("status", "WAITING")
                .with(callers.as(Role.OFFICIAL))).andExpect(invalid("status"));
        verifyNoInteractions(onboarding);
    }

    @Test
    void onlyAServiceAsksForAGrantAndAUserWithoutOneIsNotFound() throws Exception {
        mvc.perform(get("/internal/seller-grants/consumer-1").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(onboarding);

        given(onboarding.grantOf("consumer-1")).willReturn(Optional.empty());
        mvc.perform(get("/internal/seller-grants/consumer-1").with(callers.as(Role.SERVICE)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No approved seller application of user consumer-1."));
    }
}
