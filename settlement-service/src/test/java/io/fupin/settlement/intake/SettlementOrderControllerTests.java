package io.fupin.settlement.intake;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An order as settlement recorded it and the events parked for their payment: clerks' reads, checked at the door. */
@ControllerSlice({SettlementOrderController.class, ParkedEventController.class})
class SettlementOrderControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    OrderIntake intake;

    @MockitoBean
    ParkedEvents parked;

    @Test
    void anOrderSettlementHasNotHeardOfIsNotFound() throws Exception {
        UUID order = UUID.randomUUID();
        given(intake.order(order)).willThrow(new OrderNotRecorded(order));
        mvc.perform(get("/api/settlements/orders/" + order).with(callers.as(Role.CLERK)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("Settlement has no record of order " + order + " (yet)."));
    }

    @Test
    void onlyClerksAndAdministratorsReadOrdersAndParkedEvents() throws Exception {
        mvc.perform(get("/api/settlements/orders/" + UUID.randomUUID()).with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/settlements/orders/" + UUID.randomUUID()).with(callers.as(Role.CONSUMER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/settlements/parked-events").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/settlements/parked-events").with(callers.anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(intake, parked);
    }

    @Test
    void anOrderIdThatIsNoUuidNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/orders/42").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("orderId"));
        verifyNoInteractions(intake);
    }

    @Test
    void aPageOfParkedEventsTooLargeNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/parked-events").param("size", "1001").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
        verifyNoInteractions(parked);
    }
}
