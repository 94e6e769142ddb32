package io.fupin.household.registry;

import static io.fupin.support.testing.Slices.problem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.household.HouseholdSlice;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.common.InvalidInput;
import io.fupin.support.crypto.KeyRing;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The register's operations: who may, what a malformed request is told, and the problem+json of each refusal. */
@ControllerSlice(HouseholdController.class)
class HouseholdControllerTests extends HouseholdSlice {

    static final String HOUSEHOLD = """
            {"registrationNumber":"SC-0001","headName":"王芳","identityNumber":"11010519491231002X",
             "mobile":"13800138000","members":3,"category":"MARGINAL","villageId":"00000000-0000-0000-0000-0000000000c1",
             "incomeProjects":["GOOSE"],"bankName":"农村信用社","accountNumber":"6229000012349012"}""";

    @MockitoBean
    Registry registry;

    @MockitoBean
    HouseholdImport householdImport;

    @Test
    void onlyAnOfficialOrAnAdministratorRegistersAHousehold() throws Exception {
        mvc.perform(register().with(as(Role.CLERK))).andExpect(problem(403, "forbidden"));
        mvc.perform(register().with(as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        mvc.perform(register().with(as(Role.CONSUMER))).andExpect(problem(403, "forbidden"));
        mvc.perform(register().with(anonymous())).andExpect(problem(401, "unauthenticated"));
        mvc.perform(register()).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(registry);
    }

    @Test
    void anOfficialRegistersAHousehold() throws Exception {
        mvc.perform(register().with(as(Role.OFFICIAL))).andExpect(status().isCreated());
        mvc.perform(register().with(as(Role.ADMIN))).andExpect(status().isCreated());
    }

    @Test
    void aHouseholdBreakingTheRulesIsAnsweredFieldByField() throws Exception {
        given(registry.register(any(), any())).willThrow(new InvalidInput(List.of(
                new Violation("mobile", "must be an 11-digit mobile number"),
                new Violation("members", "must be between 1 and 30"))));
        mvc.perform(register().with(as(Role.OFFICIAL))).andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.detail").value("2 problems, first: mobile: must be an 11-digit mobile number."))
                .andExpect(jsonPath("$.errors[0].field").value("mobile"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an 11-digit mobile number"))
                .andExpect(jsonPath("$.errors[0].line").doesNotExist())
                .andExpect(jsonPath("$.errors[1].field").value("members"));
    }

    @Test
    void anUnreadableBodyIsAMalformedRequest() throws Exception {
        mvc.perform(post("/api/households").contentType(MediaType.APPLICATION_JSON).content("{\"members\":")
                .with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(registry);
    }

    @Test
    void anIfMatchThatIsNoVersionNamesTheHeader() throws Exception {
        mvc.perform(change(HouseholdId.next()).header("If-Match", "\"yesterday\"").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"))
                .andExpect(jsonPath("$.detail").value("Invalid If-Match: must be the household's version number."));
        verifyNoInteractions(registry);
    }

    @Test
    void aChangeToAnOlderVersionIsStale() throws Exception {
        HouseholdId householdId = HouseholdId.next();
        given(registry.update(any(), eq(householdId), any(), eq(3L))).willThrow(new StaleVersion(
                "The household was changed meanwhile (version 4); reload it and apply your change again."));
        mvc.perform(change(householdId).header("If-Match", "W/\"3\"").with(as(Role.ADMIN)))
                .andExpect(problem(409, "stale-version"))
                .andExpect(jsonPath("$.detail").value(containsString("version 4")));
    }

    @Test
    void anUnknownHouseholdIsNotFound() throws Exception {
        HouseholdId householdId = HouseholdId.next();
        given(registry.view(any(), eq(householdId))).willThrow(new HouseholdNotFound(householdId));
        mvc.perform(get("/api/households/" + householdId.value()).with(as(Role.CLERK))).andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No household " + householdId.value() + "."));
    }

    @Test
    void aHouseholdIdThatIsNoUuidNamesTheParameter() throws Exception {
        mvc.perform(get("/api/households/R-0001").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("householdId"));
        mvc.perform(put("/api/households/R-0001").contentType(MediaType.APPLICATION_JSON).content(HOUSEHOLD)
                .with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("householdId"));
        verifyNoInteractions(registry);
    }

    @Test
    void aHouseholdIsReadByTheIdInThePath() throws Exception {
        HouseholdId householdId = HouseholdId.next();
        mvc.perform(get("/api/households/" + householdId.value()).with(as(Role.CLERK))).andExpect(status().isOk());
        verify(registry).view(any(), eq(householdId));
    }

    @Test
    void aSellerSeesOnlyTheHouseholdsItsProductsAreLinkedTo() throws Exception {
        HouseholdId linked = HouseholdId.next();
        UUID other = UUID.randomUUID();
        given(owners.ofHousehold(linked)).willReturn(true);
        mvc.perform(get("/api/households/" + linked.value()).with(as(Role.SELLER))).andExpect(status().isOk());
        mvc.perform(get("/api/households/" + other).with(as(Role.SELLER))).andExpect(problem(403, "forbidden"));
    }

    @Test
    void aHouseholdWhoseNumberDoesNotOpenIsTheServicesFaultNamingHouseholdAndField() throws Exception {
        HouseholdId householdId = HouseholdId.next();
        given(registry.view(any(), eq(householdId))).willThrow(new UnreadablePersonalData(householdId.value(),
                PersonalDataCipher.Field.ACCOUNT, new KeyRing.UnreadableValue("tag mismatch")));
        mvc.perform(get("/api/households/" + householdId.value()).with(as(Role.OFFICIAL)))
                .andExpect(problem(500, "unreadable-personal-data"))
                .andExpect(jsonPath("$.detail").value(containsString("account number of household " + householdId.value())));
    }

    @Test
    void aSecondPendingAccountChangeIsAConflict() throws Exception {
        HouseholdId householdId = HouseholdId.next();
        given(registry.update(any(), eq(householdId), any(), isNull())).willThrow(new AccountChangePending(householdId));
        mvc.perform(change(householdId).with(as(Role.OFFICIAL))).andExpect(problem(409, "account-change-pending"));
    }

    @Test
    void whoAskedForANewAccountDoesNotApproveIt() throws Exception {
        UUID changeId = UUID.randomUUID();
        given(registry.approveAccountChange(any(), eq(changeId))).willThrow(new OwnApproval("official-1"));
        mvc.perform(post("/api/households/account-changes/" + changeId + "/approve").with(as(Role.OFFICIAL)))
                
                .andExpect(problem(409, "own-approval")).andExpect(jsonPath("$.detail").value(containsString("official-1")));
    }

    @Test
    void aDecidedOrUnknownAccountChangeIsRefused() throws Exception {
        UUID decided = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        given(registry.rejectAccountChange(any(), eq(decided))).willThrow(new AccountChangeDecided(decided, "APPROVED"));
        given(registry.rejectAccountChange(any(), eq(unknown))).willThrow(new AccountChangeNotFound(unknown));
        Caller second = Caller.of("official-2", null, Role.OFFICIAL);
        mvc.perform(post("/api/households/account-changes/" + decided + "/reject").with(as(second)))
                .andExpect(problem(409, "account-change-decided"));
        mvc.perform(post("/api/households/account-changes/" + unknown + "/reject").with(as(second)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(post("/api/households/account-changes/" + unknown + "/reject").with(as(Role.CLERK)))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void aBadImportRowIsNamedWithItsLine() throws Exception {
        given(householdImport.importCsv(any(), any(), anyBoolean())).willThrow(new InvalidInput(List.of(
                new Violation("identityNumber", "check character does not match", 52))));
        mvc.perform(post("/api/households/import").param("dryRun", "false").contentType("text/csv")
                .content("registrationNumber\r\n").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.detail").value(
                        "Invalid line 52 identityNumber: check character does not match."))
                .andExpect(jsonPath("$.errors[0].line").value(52))
                .andExpect(jsonPath("$.errors[0].field").value("identityNumber"));
    }

    @Test
    void onlyAnOfficialOrAnAdministratorImportsOrExports() throws Exception {
        mvc.perform(post("/api/households/import").contentType("text/csv").content("a\r\n").with(as(Role.CLERK)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/households/export").with(as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        verifyNoInteractions(householdImport);
    }

    @Test
    void aPageTooLargeNamesTheSize() throws Exception {
        mvc.perform(get("/api/households").param("size", "1001").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/households").param("category", "RICH").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        verifyNoInteractions(registry);
    }

    private static MockHttpServletRequestBuilder register() {
        return post("/api/households").contentType(MediaType.APPLICATION_JSON).content(HOUSEHOLD);
    }

    private static MockHttpServletRequestBuilder change(HouseholdId householdId) {
        return put("/api/households/" + householdId.value()).contentType(MediaType.APPLICATION_JSON).content(HOUSEHOLD);
    }
}
