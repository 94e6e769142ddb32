package io.fupin.order.checkout;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.SignedCallers;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The steps of an order after checkout: what a malformed step is told and how the lifecycle's refusals read. */
@WebMvcTest(OrderStepsController.class)
@ActiveProfiles("test")
class OrderStepsControllerTests {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    @Autowired
    MockMvc mvc;

    final SignedCallers callers;

    @MockitoBean
    OrderLifecycle lifecycle;

    OrderStepsControllerTests(@Autowired IdentitySignature signature) {
        this.callers = new SignedCallers(signature);
    }

    @Test
    void aStepTheOrderIsNotReadyForIsAConflictNamingItsState() throws Exception {
        given(lifecycle.cancel(any(), eq(ORDER))).willThrow(new IllegalTransition(ORDER, OrderStatus.SHIPPED, "cancelled"));
        problem(post("/api/orders/" + ORDER + "/cancellation").with(callers.as(Role.CONSUMER)), 409, "illegal-transition")
                .andExpect(jsonPath("$.detail").value("Order " + ORDER + " is SHIPPED and cannot be cancelled."));
    }

    @Test
    void aPresaleShippedBeforeItsDateIsRefused() throws Exception {
        given(lifecycle.ship(any(), eq(ORDER), eq("SF-1")))
                .willThrow(new PresaleNotDue(ORDER, LocalDate.of(2026, 12, 24)));
        problem(json(post("/api/orders/" + ORDER + "/shipments"), "{\"trackingNumber\":\"SF-1\"}")
                .with(callers.as(Role.SELLER)), 409, "presale-not-due");
    }

    @Test
    void aTrackingNumberOfOtherCharactersNamesTheField() throws Exception {
        problem(json(post("/api/orders/" + ORDER + "/shipments"), "{\"trackingNumber\":\"SF 1; DROP\"}")
                .with(callers.as(Role.SELLER)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    void aRefundNamingAProductTwiceOrNoneIsInvalid() throws Exception {
        String twice = "{\"lines\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":1},{\"productId\":\"" + PRODUCT
                + "\",\"quantity\":1}]}";
        problem(json(post("/api/orders/" + ORDER + "/refunds"), twice).with(callers.as(Role.CONSUMER)), 400,
                "invalid-request").andExpect(jsonPath("$.errors[0].field").value("eachProductOnce"));
        problem(json(post("/api/orders/" + ORDER + "/refunds"), "{\"lines\":[]}").with(callers.as(Role.CONSUMER)), 400,
                "invalid-request").andExpect(jsonPath("$.errors[0].field").value("lines"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    void aRefundTheOrderCannotGiveIsRefused() throws Exception {
        given(lifecycle.requestRefund(eq(ORDER), any(), any()))
                .willThrow(new RefundRefused("A refund request concerns one seller's lines; send one request per seller."));
        problem(json(post("/api/orders/" + ORDER + "/refunds"),
                "{\"lines\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":1}]}").with(callers.as(Role.CONSUMER)),
                409, "refund-refused");
    }

    @Test
    void aRejectionWithoutReasonNamesTheField() throws Exception {
        problem(json(post("/api/orders/" + ORDER + "/refunds/" + UUID.randomUUID() + "/rejection"), "{\"reason\":\" \"}")
                .with(callers.as(Role.SELLER)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    void aStepTheGatewayDidNotSignIsRefusedBeforeTheLifecycle() throws Exception {
        problem(post("/api/orders/" + ORDER + "/delivery"), 401, "unauthenticated");
        verifyNoInteractions(lifecycle);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private ResultActions problem(MockHttpServletRequestBuilder request, int status, String slug) throws Exception {
        return mvc.perform(request).andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fupin.market/problems/" + slug))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
