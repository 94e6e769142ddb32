package io.fupin.settlement.payout;

import static io.fupin.support.testing.Slices.problem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.support.identity.Role;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Periods and payouts at the door: who may, what a malformed request is told, and how each refusal reads. */
@ControllerSlice(PayoutController.class)
class PayoutControllerTests {

    static final PayoutBatchId BATCH = new PayoutBatchId(UUID.fromString("00000000-0000-0000-0000-0000000000b7"));

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    Payouts payouts;

    @MockitoBean
    Reconciliation reconciliation;

    @Test
    void onlyClerksAndAdministratorsClosePeriods() throws Exception {
        mvc.perform(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(callers.anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(payouts);
    }

    @Test
    void aPeriodWithoutItsLastDayNamesTheField() throws Exception {
        mvc.perform(close("{\"firstDay\":\"2031-01-01\"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("lastDay"));
        verifyNoInteractions(payouts);
    }

    @Test
    void aPeriodEndingBeforeItStartsNamesItsLastDay() throws Exception {
        given(payouts.close(eq(LocalDate.of(2031, 1, 2)), eq(LocalDate.of(2031, 1, 1)), any()))
                .willThrow(new InvalidPeriod("lastDay", "must not be before the first day"));
        mvc.perform(close("{\"firstDay\":\"2031-01-02\",\"lastDay\":\"2031-01-01\"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("lastDay"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be before the first day"));
    }

    @Test
    void ordersThatDifferAreNamedOneByOneInTheProblem() throws Exception {
        UUID order = UUID.randomUUID();
        given(payouts.close(any(), any(), any())).willThrow(new OrdersDiffer(List.of(new ReconciliationReport.OrderMismatch(
                LocalDate.of(2031, 1, 5), order, "PAID", 1200, 1100, -100))));
        mvc.perform(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(409, "orders-differ"))
                .andExpect(jsonPath("$.detail").value(containsString(order.toString())))
                .andExpect(jsonPath("$.mismatches[0].orderId").value(order.toString()))
                .andExpect(jsonPath("$.mismatches[0].day").value("2031-01-05"))
                .andExpect(jsonPath("$.mismatches[0].figure").value("PAID"))
                .andExpect(jsonPath("$.mismatches[0].differenceFen").value(-100));
    }

    @Test
    void theClerkWhoClosedABatchIsToldItIsTheirOwn() throws Exception {
        given(payouts.approve(eq(BATCH), any())).willThrow(new BatchConflict(ProblemType.OWN_APPROVAL,
                "Batch FPB-1 was closed by clerk-1; another clerk approves it."));
        mvc.perform(post("/api/settlements/batches/" + BATCH.value() + "/approval").with(callers.as(Role.CLERK)))
                .andExpect(problem(409, "own-approval"))
                .andExpect(jsonPath("$.detail").value("Batch FPB-1 was closed by clerk-1; another clerk approves it."));
    }

    @Test
    void failedLinesOfHouseholdsOutsideTheBatchNameTheField() throws Exception {
        UUID stranger = UUID.randomUUID();
        given(payouts.markPaid(eq(BATCH), eq("BANK-1"), eq(Set.of(stranger)), any()))
                .willThrow(new UnknownFailedLines(List.of(stranger)));
        mvc.perform(post("/api/settlements/batches/" + BATCH.value() + "/payment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bankReference\":\"BANK-1\",\"failedHouseholdIds\":[\"" + stranger + "\"]}")
                .with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("failedHouseholdIds"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(stranger.toString())));
    }

    @Test
    void aPaymentWithoutTheBanksReferenceNamesTheField() throws Exception {
        mvc.perform(post("/api/settlements/batches/" + BATCH.value() + "/payment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bankReference\":\" \"}").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("bankReference"));
        verifyNoInteractions(payouts);
    }

    @Test
    void anUnknownBatchIsNotFound() throws Exception {
        given(payouts.batchView(BATCH)).willThrow(new NotFound("No payout batch " + BATCH.value() + "."));
        mvc.perform(get("/api/settlements/batches/" + BATCH.value()).with(callers.as(Role.ADMIN)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No payout batch " + BATCH.value() + "."));
    }

    @Test
    void aBatchChangedByAnotherClerkAtTheSameMomentIsAConcurrentChange() throws Exception {
        given(payouts.approve(eq(BATCH), any())).willThrow(new OptimisticLockingFailureException("version 3"));
        mvc.perform(post("/api/settlements/batches/" + BATCH.value() + "/approval").with(callers.as(Role.CLERK)))
                .andExpect(problem(409, "concurrent-change"))
                .andExpect(jsonPath("$.detail").value(containsString("reload it")));
    }

    @Test
    void aReconciliationWithoutItsFirstDayNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/reconciliation").param("to", "2031-01-31").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("from"));
        verifyNoInteractions(reconciliation);
    }

    @Test
    void aPageOfPeriodsTooLargeNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/periods").param("size", "201").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        verifyNoInteractions(payouts);
    }

    private static MockHttpServletRequestBuilder close(String body) {
        return post("/api/settlements/periods").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
