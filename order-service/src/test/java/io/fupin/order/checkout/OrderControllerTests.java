package io.fupin.order.checkout;

import static io.fupin.support.testing.Slices.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.order.OwnershipRules;
import io.fupin.order.idempotency.IdempotentRequests;
import io.fupin.order.idempotency.IdempotentRequests.Answer;
import io.fupin.order.idempotency.IdempotentRequests.Claim;
import io.fupin.order.stock.CatalogFailures;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Placing and listing orders: who may, what a malformed request is told, and the problem+json of a refusal. */
@ControllerSlice(OrderController.class)
class OrderControllerTests {

    static final String ORDER = """
            {"lines":[{"productId":"00000000-0000-0000-0000-0000000000b1","quantity":2}],"channel":"ONLINE",
             "buyer":{"kind":"INDIVIDUAL"},
             "delivery":{"name":"王芳","mobile":"13800138000","address":"甘肃省定西市安定区"}}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Checkout checkout;

    @MockitoBean
    IdempotentRequests idempotency;

    @MockitoBean(name = "owners")
    OwnershipRules owners;

    @Autowired
    SignedCallers callers;

    @Test
    void aRefusedPlacementIsAnsweredAsTheProblemOfItsType() throws Exception {
        UUID orderId = UUID.randomUUID();
        given(idempotency.claim(anyString(), eq("key-1"), any())).willReturn(new Claim(orderId, true, Optional.empty()));
        given(checkout.place(eq(new OrderId(orderId)), eq(true), any(), any())).willThrow(new ReservationLapsed(new OrderId(orderId)));

        mvc.perform(place("key-1", ORDER).with(callers.as(Role.CONSUMER))).andExpect(problem(409, "reservation-lapsed"))
                .andExpect(jsonPath("$.detail").value(containsString(orderId.toString())));
    }

    @Test
    void aReservationCatalogReleasedAfterItsAnswerWasLostGivesTheKeyANewOrderId() throws Exception {
        UUID orderId = UUID.randomUUID();
        given(idempotency.claim(anyString(), eq("key-5"), any())).willReturn(new Claim(orderId, true, Optional.empty()));
        given(checkout.place(eq(new OrderId(orderId)), eq(true), any(), any()))
                .willThrow(CatalogFailures.unavailable().withNothingHeld());

        mvc.perform(place("key-5", ORDER).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(503, "service-unavailable"))
                .andExpect(header().exists("Retry-After"));
        verify(idempotency).renewResource(anyString(), eq("key-5"), eq(orderId));
    }

    @Test
    void aReservationWhoseOutcomeIsStillUnknownKeepsTheKeysOrderId() throws Exception {
        UUID orderId = UUID.randomUUID();
        given(idempotency.claim(anyString(), eq("key-6"), any())).willReturn(new Claim(orderId, true, Optional.empty()));
        given(checkout.place(eq(new OrderId(orderId)), eq(true), any(), any())).willThrow(CatalogFailures.unavailable());

        mvc.perform(place("key-6", ORDER).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(503, "service-unavailable"));
        verify(idempotency, never()).renewResource(anyString(), anyString(), any());
    }

    @Test
    void anOrderWithoutATurnAtCatalogIsAskedToComeBackShortly() throws Exception {
        UUID orderId = UUID.randomUUID();
        given(idempotency.claim(anyString(), eq("key-7"), any())).willReturn(new Claim(orderId, true, Optional.empty()));
        given(checkout.place(eq(new OrderId(orderId)), eq(true), any(), any())).willThrow(CatalogFailures.busy());

        mvc.perform(place("key-7", ORDER).with(callers.as(Role.CONSUMER))).andExpect(problem(429, "too-many-requests"))
                .andExpect(header().string("Retry-After", "1"));
        verify(idempotency, never()).renewResource(anyString(), anyString(), any());
    }

    @Test
    void onlyAConsumerPlacesOrders() throws Exception {
        mvc.perform(place("key-2", ORDER).with(callers.as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        mvc.perform(place("key-2", ORDER).with(callers.as(Role.ADMIN))).andExpect(problem(403, "forbidden"));
        verifyNoInteractions(idempotency, checkout);
    }

    @Test
    void aVisitorIsAskedToSignIn() throws Exception {
        mvc.perform(place("key-3", ORDER).with(callers.anonymous())).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(idempotency, checkout);
    }

    @Test
    void aRequestTheGatewayDidNotSignIsRefusedBeforeAnyController() throws Exception {
        mvc.perform(place("key-4", ORDER)).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(idempotency, checkout);
    }

    @Test
    void aSoldOutPlacementKeepsItsProblemWithTheKey() throws Exception {
        UUID orderId = UUID.randomUUID();
        given(idempotency.claim(anyString(), eq("key-8"), any())).willReturn(new Claim(orderId, true, Optional.empty()));
        given(checkout.place(eq(new OrderId(orderId)), eq(true), any(), any())).willThrow(CatalogFailures.soldOut());

        String body = mvc.perform(place("key-8", ORDER).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(409, "sold-out"))
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andReturn().getResponse().getContentAsString();
        verify(idempotency).keep(anyString(), eq("key-8"),
                eq(new Answer(409, body, MediaType.APPLICATION_PROBLEM_JSON_VALUE, null)));
    }

    @Test
    void aFailureThatIsNoFinalAnswerKeepsNothing() throws Exception {
        UUID orderId = UUID.randomUUID();
        given(idempotency.claim(anyString(), eq("key-9"), any())).willReturn(new Claim(orderId, true, Optional.empty()));
        given(checkout.place(eq(new OrderId(orderId)), eq(true), any(), any())).willThrow(new ReservationLapsed(new OrderId(orderId)));

        mvc.perform(place("key-9", ORDER).with(callers.as(Role.CONSUMER))).andExpect(problem(409, "reservation-lapsed"));
        verify(idempotency, never()).keep(anyString(), anyString(), any());
    }

    @Test
    void aKeyAnsweredBeforeReplaysItsAnswerWithoutPlacingAgain() throws Exception {
        UUID orderId = UUID.randomUUID();
        String first = "{\"id\":\"" + orderId + "\",\"status\":\"PENDING_PAYMENT\"}";
        given(idempotency.claim(anyString(), eq("key-10"), any())).willReturn(new Claim(orderId, false,
                Optional.of(new Answer(201, first, MediaType.APPLICATION_JSON_VALUE, "/api/orders/" + orderId))));

        mvc.perform(place("key-10", ORDER).with(callers.as(Role.CONSUMER)))
                .andExpect(status().isCreated())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().string(first))
                .andExpect(header().string("Location", "/api/orders/" + orderId))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        verifyNoInteractions(checkout);
        verify(idempotency, never()).keep(anyString(), anyString(), any());
    }

    @Test
    void aBlankOrOverlongKeyNamesTheHeaderAndClaimsNothing() throws Exception {
        mvc.perform(place(" ", ORDER).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(place("k".repeat(101), ORDER).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        verifyNoInteractions(idempotency, checkout);
    }

    @Test
    void aPlacementWithoutIdempotencyKeyNamesTheHeader() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(ORDER)
                .with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        verifyNoInteractions(idempotency, checkout);
    }

    @Test
    void anInvalidOrderNamesEachOffendingField() throws Exception {
        String invalid = ORDER.replace("\"quantity\":2", "\"quantity\":0").replace("13800138000", "12345");
        mvc.perform(place("key-5", invalid).with(callers.as(Role.CONSUMER))).andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
                        "delivery.mobile", "lines[0].quantity")));
        verifyNoInteractions(idempotency, checkout);
    }

    @Test
    void anUnreadableBodyIsAMalformedRequest() throws Exception {
        mvc.perform(place("key-6", "{\"lines\":").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(idempotency, checkout);
    }

    @Test
    void aPageTooLargeOrAnUnknownViewIsAnInvalidRequestNamingTheParameter() throws Exception {
        mvc.perform(get("/api/orders").param("size", "101").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/orders").param("view", "everyone").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("view"));
        verifyNoInteractions(checkout);
    }

    @Test
    void anUnknownOrderIsNotFound() throws Exception {
        UUID orderId = UUID.randomUUID();
        given(owners.ofOrder(new OrderId(orderId))).willReturn(true);
        given(checkout.order(any(), eq(new OrderId(orderId)))).willThrow(new OrderNotFound(new OrderId(orderId)));
        mvc.perform(get("/api/orders/" + orderId).with(callers.as(Role.CONSUMER))).andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("There is no order " + orderId + "."));
    }

    private static MockHttpServletRequestBuilder place(String key, String body) {
        return post("/api/orders").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
