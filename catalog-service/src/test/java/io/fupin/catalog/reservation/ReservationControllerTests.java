package io.fupin.catalog.reservation;

import static io.fupin.support.testing.Slices.invalid;
import static io.fupin.support.testing.Slices.json;
import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.catalog.product.ProductId;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** order-service's reservations: only a service reserves, and how sold-out and released stock read. */
@ControllerSlice(ReservationController.class)
class ReservationControllerTests {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final String RESERVE = "{\"orderId\":\"" + ORDER + "\",\"lines\":[{\"productId\":\"" + PRODUCT
            + "\",\"quantity\":2}]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    StockReservations reservations;

    @Test
    void onlyAServiceReservesConfirmsOrReleases() throws Exception {
        mvc.perform(json(post("/internal/reservations"), RESERVE).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/internal/reservations/" + ORDER + "/confirm").with(callers.as(Role.ADMIN)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/internal/reservations/" + ORDER + "/release")).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(reservations);
    }

    @Test
    void aLineThatCannotBeCoveredIsSoldOutNamingItsProduct() throws Exception {
        given(reservations.reserve(eq(ORDER), anyList())).willThrow(new SoldOut(new ProductId(PRODUCT)));
        mvc.perform(json(post("/internal/reservations"), RESERVE).with(callers.as(Role.SERVICE)))
                .andExpect(problem(409, "sold-out"))
                .andExpect(jsonPath("$.productId").value(PRODUCT.toString()));
    }

    @Test
    void aReleasedReservationIsNotConfirmedAndAnUnknownOneIsNotFound() throws Exception {
        given(reservations.confirm(ORDER)).willThrow(new ReservationReleased(ORDER));
        mvc.perform(post("/internal/reservations/" + ORDER + "/confirm").with(callers.as(Role.SERVICE)))
                .andExpect(problem(409, "reservation-released"));

        given(reservations.release(ORDER)).willThrow(new ReservationNotFound(ORDER));
        mvc.perform(post("/internal/reservations/" + ORDER + "/release").with(callers.as(Role.SERVICE)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("There is no reservation for order " + ORDER + "."));
    }

    @Test
    void aReservationWithoutLinesOrWithAnEmptyLineNamesTheFields() throws Exception {
        mvc.perform(json(post("/internal/reservations"), "{\"orderId\":\"" + ORDER + "\",\"lines\":[]}")
                .with(callers.as(Role.SERVICE))).andExpect(invalid("lines"));
        mvc.perform(json(post("/internal/reservations"), RESERVE.replace("\"quantity\":2", "\"quantity\":0"))
                .with(callers.as(Role.SERVICE))).andExpect(invalid("lines[0].quantity"));
        verifyNoInteractions(reservations);
    }
}
