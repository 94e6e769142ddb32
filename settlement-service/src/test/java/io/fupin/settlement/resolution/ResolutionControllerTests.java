package io.fupin.settlement.resolution;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.identity.Role;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The clerks' actions on suspense and on money owed back: CLERK only, checked at the door, and how each refusal reads. */
@ControllerSlice(ResolutionController.class)
class ResolutionControllerTests {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID HOUSEHOLD = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID WRITE_OFF = UUID.fromString("00000000-0000-0000-0000-0000000000c3");

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    SuspenseDesk suspense;

    @MockitoBean
    OwedDesk owed;

    @Test
    void aClerkFollowsUpALineInSuspense() throws Exception {
        given(suspense.followUp(eq(ORDER), eq(1), eq("请申报利益联结"), any())).willReturn(new SuspenseDesk.FollowUp(
                UUID.randomUUID(), ORDER, 1, UUID.randomUUID(), UUID.randomUUID(), "请申报利益联结", "clerk-1",
                Instant.parse("2031-01-05T02:00:00Z"), false));
        mvc.perform(followUp("{\"note\":\"请申报利益联结\"}").with(callers.as(Role.CLERK)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orderId").value(ORDER.toString()))
                .andExpect(jsonPath("$.askedBy").value("clerk-1"));
    }

    @Test
    void anAdministratorReadsTheListsButMovesNoMoney() throws Exception {
        mvc.perform(followUp("{\"note\":\"请申报利益联结\"}").with(callers.as(Role.ADMIN)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/settlements/suspense/" + ORDER + "/lines/1/allocation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"linkageId\":\"" + UUID.randomUUID() + "\",\"version\":1}").with(callers.as(Role.ADMIN)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(propose("{\"amountFen\":100,\"note\":\"核销\"}").with(callers.as(Role.ADMIN)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/settlements/write-offs/" + WRITE_OFF + "/approval").with(callers.as(Role.ADMIN)))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(suspense, owed);

        mvc.perform(get("/api/settlements/owed").with(callers.as(Role.ADMIN))).andExpect(status().isOk());
    }

    @Test
    void aSellerOrAVisitorIsRefused() throws Exception {
        mvc.perform(get("/api/settlements/write-offs").with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(followUp("{\"note\":\"请申报利益联结\"}").with(callers.anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(suspense, owed);
    }

    @Test
    void aFollowUpWithoutANoteNamesTheField() throws Exception {
        mvc.perform(followUp("{\"note\":\" \"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        verifyNoInteractions(suspense);
    }

    @Test
    void aLineAllocatedAlreadyIsNotInSuspense() throws Exception {
        given(suspense.followUp(eq(ORDER), eq(1), any(), any())).willThrow(new ResolutionRefused(
                ProblemType.NOT_IN_SUSPENSE, "Line 1 of order " + ORDER + " is not in suspense."));
        mvc.perform(followUp("{\"note\":\"请申报利益联结\"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(409, "not-in-suspense"))
                .andExpect(jsonPath("$.detail").value("Line 1 of order " + ORDER + " is not in suspense."));
    }

    @Test
    void aLineNeverPaidIsNotFound() throws Exception {
        given(suspense.followUp(eq(ORDER), eq(9), any(), any()))
                .willThrow(new ResolutionNotFound("Settlement has no paid line 9 of order " + ORDER + "."));
        mvc.perform(post("/api/settlements/suspense/" + ORDER + "/lines/9/follow-ups").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"请申报利益联结\"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void anAllocationToAVersionOfNoRecordNamesTheLinkage() throws Exception {
        UUID linkage = UUID.randomUUID();
        given(suspense.allocate(eq(ORDER), eq(1), eq(linkage), anyInt(), any()))
                .willThrow(new InvalidResolution("linkageId", "Settlement has no version 2 of linkage " + linkage + "."));
        mvc.perform(post("/api/settlements/suspense/" + ORDER + "/lines/1/allocation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"linkageId\":\"" + linkage + "\",\"version\":2}").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("linkageId"));
    }

    @Test
    void anAllocationWithoutAVersionNamesTheField() throws Exception {
        mvc.perform(post("/api/settlements/suspense/" + ORDER + "/lines/1/allocation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"linkageId\":\"" + UUID.randomUUID() + "\",\"version\":0}").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("version"));
        verifyNoInteractions(suspense);
    }

    @Test
    void aWriteOffOfNothingOrBelowZeroIsRefused() throws Exception {
        mvc.perform(propose("{\"amountFen\":-5,\"note\":\"核销\"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("amountFen"));
        verifyNoInteractions(owed);

        given(owed.propose(eq(HOUSEHOLD), eq(100L), any(), any())).willThrow(new ResolutionRefused(
                ProblemType.NOTHING_OWED, "Household " + HOUSEHOLD + " owes nothing back."));
        mvc.perform(propose("{\"amountFen\":100,\"note\":\"核销\"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(409, "nothing-owed"));
    }

    @Test
    void theProposerCannotApproveTheirOwnWriteOff() throws Exception {
        given(owed.approve(eq(WRITE_OFF), any())).willThrow(new ResolutionRefused(ProblemType.OWN_APPROVAL,
                "The clerk who proposed a write-off cannot approve it; another clerk does."));
        mvc.perform(post("/api/settlements/write-offs/" + WRITE_OFF + "/approval").with(callers.as(Role.CLERK)))
                .andExpect(problem(409, "own-approval"));
    }

    @Test
    void aPageOfWriteOffsTooLargeNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/write-offs").param("size", "1001").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    private static MockHttpServletRequestBuilder followUp(String body) {
        return post("/api/settlements/suspense/" + ORDER + "/lines/1/follow-ups").contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static MockHttpServletRequestBuilder propose(String body) {
        return post("/api/settlements/owed/" + HOUSEHOLD + "/write-offs").contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
