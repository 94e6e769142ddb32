package io.fupin.settlement.payout;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Periods and payouts at the door: who may, what a malformed request is told, and how each refusal reads. */
@WebMvcTest(PayoutController.class)
@Import(PayoutControllerTests.UseCases.class)
class PayoutControllerTests extends ControllerSlice {

    static final UUID BATCH = UUID.fromString("00000000-0000-0000-0000-0000000000b7");

    final Payouts payouts;
    final Reconciliation reconciliation;

    PayoutControllerTests(@Autowired Payouts payouts, @Autowired Reconciliation reconciliation) {
        this.payouts = behind(payouts);
        this.reconciliation = behind(reconciliation);
    }

    @TestConfiguration
    static class UseCases {
        @Bean
        Payouts payouts() {
            return useCase(Payouts.class);
        }

        @Bean
        Reconciliation reconciliation() {
            return useCase(Reconciliation.class);
        }
    }

    @Test
    void onlyClerksAndAdministratorsClosePeriods() throws Exception {
        problem(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(as(Role.OFFICIAL)), 403, "forbidden");
        problem(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(as(Role.SELLER)), 403, "forbidden");
        problem(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(callers().anonymous()), 401,
                "unauthenticated");
        verifyNoInteractions(payouts);
    }

    @Test
    void aPeriodWithoutItsLastDayNamesTheField() throws Exception {
        problem(close("{\"firstDay\":\"2031-01-01\"}").with(as(Role.CLERK)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("lastDay"));
        verifyNoInteractions(payouts);
    }

    @Test
    void aPeriodEndingBeforeItStartsNamesItsLastDay() throws Exception {
        given(payouts.close(eq(LocalDate.of(2031, 1, 2)), eq(LocalDate.of(2031, 1, 1)), any()))
                .willThrow(new InvalidPeriod("lastDay", "must not be before the first day"));
        problem(close("{\"firstDay\":\"2031-01-02\",\"lastDay\":\"2031-01-01\"}").with(as(Role.CLERK)), 400,
                "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("lastDay"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be before the first day"));
    }

    @Test
    void ordersThatDifferAreNamedOneByOneInTheProblem() throws Exception {
        UUID order = UUID.randomUUID();
        given(payouts.close(any(), any(), any())).willThrow(new OrdersDiffer(List.of(new ReconciliationReport.OrderMismatch(
                LocalDate.of(2031, 1, 5), order, "PAID", 1200, 1100, -100))));
        problem(close("{\"firstDay\":\"2031-01-01\",\"lastDay\":\"2031-01-31\"}").with(as(Role.CLERK)), 409,
                "orders-differ")
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
        problem(post("/api/settlements/batches/" + BATCH + "/approval").with(as(Role.CLERK)), 409, "own-approval")
                .andExpect(jsonPath("$.detail").value("Batch FPB-1 was closed by clerk-1; another clerk approves it."));
    }

    @Test
    void failedLinesOfHouseholdsOutsideTheBatchNameTheField() throws Exception {
        UUID stranger = UUID.randomUUID();
        given(payouts.markPaid(eq(BATCH), eq("BANK-1"), eq(Set.of(stranger)), any()))
                .willThrow(new UnknownFailedLines(List.of(stranger)));
        problem(post("/api/settlements/batches/" + BATCH + "/payment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bankReference\":\"BANK-1\",\"failedHouseholdIds\":[\"" + stranger + "\"]}")
                .with(as(Role.CLERK)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("failedHouseholdIds"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(stranger.toString())));
    }

    @Test
    void aPaymentWithoutTheBanksReferenceNamesTheField() throws Exception {
        problem(post("/api/settlements/batches/" + BATCH + "/payment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bankReference\":\" \"}").with(as(Role.CLERK)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("bankReference"));
        verifyNoInteractions(payouts);
    }

    @Test
    void anUnknownBatchIsNotFound() throws Exception {
        given(payouts.batchView(BATCH)).willThrow(new NotFound("No payout batch " + BATCH + "."));
        problem(get("/api/settlements/batches/" + BATCH).with(as(Role.ADMIN)), 404, "not-found")
                .andExpect(jsonPath("$.detail").value("No payout batch " + BATCH + "."));
    }

    @Test
    void aBatchChangedByAnotherClerkAtTheSameMomentIsAConcurrentChange() throws Exception {
        given(payouts.approve(eq(BATCH), any())).willThrow(new OptimisticLockingFailureException("version 3"));
        problem(post("/api/settlements/batches/" + BATCH + "/approval").with(as(Role.CLERK)), 409, "concurrent-change")
                .andExpect(jsonPath("$.detail").value(containsString("reload it")));
    }

    @Test
    void aReconciliationWithoutItsFirstDayNamesTheParameter() throws Exception {
        problem(get("/api/settlements/reconciliation").param("to", "2031-01-31").with(as(Role.CLERK)), 400,
                "invalid-request").andExpect(jsonPath("$.errors[0].field").value("from"));
        verifyNoInteractions(reconciliation);
    }

    @Test
    void aPageOfPeriodsTooLargeNamesTheParameter() throws Exception {
        problem(get("/api/settlements/periods").param("size", "201").with(as(Role.CLERK)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        verifyNoInteractions(payouts);
    }

    private static MockHttpServletRequestBuilder close(String body) {
        return post("/api/settlements/periods").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
