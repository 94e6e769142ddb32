package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import static io.fupin.support.testing.Slices.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.order.OwnershipRules;
import io.fupin.order.idempotency.IdempotentRequests;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Payments: the ownership rule at the door, the provider's callback, statements, and how each refusal reads. */
@ControllerSlice(PaymentController.class)
class PaymentControllerTests {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    PaymentDesk desk;

    @MockitoBean
    Refunds refunds;

    @MockitoBean
    Statements statements;

    @MockitoBean
    IdempotentRequests idempotency;

    @MockitoBean(name = "owners")
    OwnershipRules owners;

    @BeforeEach
    void theCallerOwnsTheOrderAndItsPayments() {
        given(owners.ofOrder(new OrderId(ORDER))).willReturn(true);
        given(owners.ofPayment(any())).willReturn(true);
    }

    @Test
    void onlyTheOrdersBuyerStartsPayingItAndClaimsNoKeyOtherwise() throws Exception {
        given(owners.ofOrder(new OrderId(ORDER))).willReturn(false);
        mvc.perform(start("{\"orderId\":\"" + ORDER + "\",\"amountFen\":1200}").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(idempotency, desk);
    }

    @Test
    void aPaymentWithoutAPositiveAmountNamesTheField() throws Exception {
        mvc.perform(start("{\"orderId\":\"" + ORDER + "\",\"amountFen\":0}").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("amountFen"));
        verifyNoInteractions(idempotency, desk);
    }

    @Test
    void anUnsignedCallbackIsABadSignature() throws Exception {
        given(desk.callback(any(), any())).willThrow(new BadSignature("The callback is not signed."));
        mvc.perform(post("/api/payments/callback").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(callers.anonymous()))
                .andExpect(problem(401, "bad-signature"))
                .andExpect(jsonPath("$.detail").value("The callback is not signed."));
    }

    @Test
    void aStatementNotImportedYetIsNotFound() throws Exception {
        given(statements.report(LocalDate.of(2026, 11, 1))).willReturn(Optional.empty());
        mvc.perform(get("/api/payments/statements/2026-11-01").with(callers.as(Role.CLERK)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("The provider's statement of 2026-11-01 has not been imported."));
    }

    @Test
    void aDayThatIsNoDateNamesTheParameter() throws Exception {
        mvc.perform(get("/api/payments/statements/yesterday").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        verifyNoInteractions(statements);
    }

    @Test
    void anUnreachableProviderSaysWhenToRetryAndNothingOfTheCall() throws Exception {
        given(statements.importDay(LocalDate.of(2026, 11, 1)))
                .willThrow(new ProviderUnavailable("sandbox GET /statements/2026-11-01 failed: connection refused", null));
        mvc.perform(post("/api/payments/statements/2026-11-01").with(callers.as(Role.CLERK)))
                .andExpect(problem(503, "provider-unavailable"))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "10"))
                .andExpect(jsonPath("$.detail").value(not(containsString("connection refused"))));
    }

    @Test
    void anUnknownPaymentIsNotFound() throws Exception {
        UUID payment = UUID.randomUUID();
        given(desk.payment(payment)).willThrow(new PaymentNotFound(payment));
        mvc.perform(get("/api/payments/" + payment).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aPageOfFlagsTooLargeNamesTheParameter() throws Exception {
        mvc.perform(get("/api/payments/flags").param("size", "501").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    private static MockHttpServletRequestBuilder start(String body) {
        return post("/api/payments").header("Idempotency-Key", "pay-1").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
