package io.fupin.catalog.product;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Officials deciding raised costs: who may, what an invalid request is told, how a second decision reads. */
@ControllerSlice(CostChangeController.class)
class CostChangeControllerTests {

    static final UUID CHANGE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    ProductCatalog catalog;

    @Test
    void onlyAnOfficialOrAnAdminSeesAndDecidesCostChanges() throws Exception {
        mvc.perform(get("/api/catalog/cost-changes").with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/catalog/cost-changes/" + CHANGE + "/approve").with(callers.as(Role.CLERK)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/catalog/cost-changes/" + CHANGE + "/approve").with(callers.anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(catalog);
    }

    @Test
    void aChangeIsDecidedOnce() throws Exception {
        given(catalog.approveCostChange(any(), eq(CHANGE)))
                .willThrow(new CostChangeDecided(CHANGE, CostChange.Status.REJECTED));
        mvc.perform(post("/api/catalog/cost-changes/" + CHANGE + "/approve").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(409, "cost-change-decided"))
                .andExpect(jsonPath("$.detail").value("Cost change " + CHANGE + " is already REJECTED."));
    }

    @Test
    void anUnknownChangeIsNotFound() throws Exception {
        given(catalog.rejectCostChange(any(), eq(CHANGE), eq("no invoice")))
                .willThrow(new CostChangeNotFound(CHANGE));
        mvc.perform(json(post("/api/catalog/cost-changes/" + CHANGE + "/reject"), "{\"reason\":\"no invoice\"}")
                .with(callers.as(Role.ADMIN))).andExpect(problem(404, "not-found"));
    }

    @Test
    void aRejectionWithoutReasonOrAPageOutOfBoundsNamesTheField() throws Exception {
        mvc.perform(json(post("/api/catalog/cost-changes/" + CHANGE + "/reject"), "{\"reason\":\" \"}")
                .with(callers.as(Role.OFFICIAL))).andExpect(invalid("reason"));
        mvc.perform(get("/api/catalog/cost-changes").param("size", "201").with(callers.as(Role.OFFICIAL)))
                .andExpect(invalid("size"));
        mvc.perform(get("/api/catalog/cost-changes").param("page", "-1").with(callers.as(Role.OFFICIAL)))
                .andExpect(invalid("page"));
        verifyNoInteractions(catalog);
    }
}
