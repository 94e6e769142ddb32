package io.fupin.order.checkout;

import static io.fupin.support.testing.Slices.json;
import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.order.OwnershipRules;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The steps of an order after checkout: what a malformed step is told and how the lifecycle's refusals read. */
@ControllerSlice(OrderStepsController.class)
class OrderStepsControllerTests {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final OrderId ORDER_ID = new OrderId(ORDER);
    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    OrderLifecycle lifecycle;

    @MockitoBean(name = "owners")
    OwnershipRules owners;

    @BeforeEach
    void theConsumerPlacedTheOrderAndTheSellerSellsInIt() {
        given(owners.ofOrder(ORDER_ID)).willReturn(true);
        given(owners.sellsIn(ORDER_ID)).willReturn(true);
    }

    @Test
    void aStepTheOrderIsNotReadyForIsAConflictNamingItsState() throws Exception {
        given(lifecycle.cancel(any(), eq(ORDER_ID))).willThrow(new IllegalTransition(ORDER_ID, OrderStatus.SHIPPED, "cancelled"));
        mvc.perform(post("/api/orders/" + ORDER + "/cancellation").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(409, "illegal-transition"))
                .andExpect(jsonPath("$.detail").value("Order " + ORDER + " is SHIPPED and cannot be cancelled."));
    }

    @Test
    void aPresaleShippedBeforeItsDateIsRefused() throws Exception {
        given(lifecycle.ship(any(), eq(ORDER_ID), eq("SF-1")))
                .willThrow(new PresaleNotDue(ORDER_ID, LocalDate.of(2026, 12, 24)));
        mvc.perform(json(post("/api/orders/" + ORDER + "/shipments"), "{\"trackingNumber\":\"SF-1\"}")
                .with(callers.as(Role.SELLER)))
                .andExpect(problem(409, "presale-not-due"));
    }

    @Test
    void aTrackingNumberOfOtherCharactersNamesTheField() throws Exception {
        mvc.perform(json(post("/api/orders/" + ORDER + "/shipments"), "{\"trackingNumber\":\"SF 1; DROP\"}")
                .with(callers.as(Role.SELLER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    void aRefundNamingAProductTwiceOrNoneIsInvalid() throws Exception {
        String twice = "{\"lines\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":1},{\"productId\":\"" + PRODUCT
                + "\",\"quantity\":1}]}";
        mvc.perform(json(post("/api/orders/" + ORDER + "/refunds"), twice).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("eachProductOnce"));
        mvc.perform(json(post("/api/orders/" + ORDER + "/refunds"), "{\"lines\":[]}").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("lines"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    void aRefundTheOrderCannotGiveIsRefused() throws Exception {
        given(lifecycle.requestRefund(eq(ORDER_ID), any(), any()))
                .willThrow(new RefundRefused("A refund request concerns one seller's lines; send one request per seller."));
        mvc.perform(json(post("/api/orders/" + ORDER + "/refunds"),
                "{\"lines\":[{\"productId\":\"" + PRODUCT + "\",\"quantity\":1}]}").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(409, "refund-refused"));
    }

    @Test
    void aRejectionWithoutReasonNamesTheField() throws Exception {
        mvc.perform(json(post("/api/orders/" + ORDER + "/refunds/" + UUID.randomUUID() + "/rejection"), "{\"reason\":\" \"}")
                .with(callers.as(Role.SELLER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    void aStepTheGatewayDidNotSignIsRefusedBeforeTheLifecycle() throws Exception {
        mvc.perform(post("/api/orders/" + ORDER + "/delivery")).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(lifecycle);
    }
}
