package io.fupin.settlement.intake;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** An order as settlement recorded it and the events parked for their payment: clerks' reads, checked at the door. */
@WebMvcTest({SettlementOrderController.class, ParkedEventController.class})
@Import(SettlementOrderControllerTests.UseCases.class)
class SettlementOrderControllerTests extends ControllerSlice {

    final OrderIntake intake;
    final ParkedEvents parked;

    SettlementOrderControllerTests(@Autowired OrderIntake intake, @Autowired ParkedEvents parked) {
        this.intake = behind(intake);
        this.parked = behind(parked);
    }

    @TestConfiguration
    static class UseCases {
        @Bean
        OrderIntake orderIntake() {
            return useCase(OrderIntake.class);
        }

        @Bean
        ParkedEvents parkedEvents() {
            return useCase(ParkedEvents.class);
        }
    }

    @Test
    void anOrderSettlementHasNotHeardOfIsNotFound() throws Exception {
        UUID order = UUID.randomUUID();
        given(intake.order(order)).willThrow(new OrderNotRecorded(order));
        problem(get("/api/settlements/orders/" + order).with(as(Role.CLERK)), 404, "not-found")
                .andExpect(jsonPath("$.detail").value("Settlement has no record of order " + order + " (yet)."));
    }

    @Test
    void onlyClerksAndAdministratorsReadOrdersAndParkedEvents() throws Exception {
        problem(get("/api/settlements/orders/" + UUID.randomUUID()).with(as(Role.SELLER)), 403, "forbidden");
        problem(get("/api/settlements/orders/" + UUID.randomUUID()).with(as(Role.CONSUMER)), 403, "forbidden");
        problem(get("/api/settlements/parked-events").with(as(Role.OFFICIAL)), 403, "forbidden");
        problem(get("/api/settlements/parked-events").with(callers().anonymous()), 401, "unauthenticated");
        verifyNoInteractions(intake, parked);
    }

    @Test
    void anOrderIdThatIsNoUuidNamesTheParameter() throws Exception {
        problem(get("/api/settlements/orders/42").with(as(Role.CLERK)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("orderId"));
        verifyNoInteractions(intake);
    }

    @Test
    void aPageOfParkedEventsTooLargeNamesTheParameter() throws Exception {
        problem(get("/api/settlements/parked-events").param("size", "1001").with(as(Role.CLERK)), 400,
                "invalid-request").andExpect(jsonPath("$.errors[0].field").value("size"));
        verifyNoInteractions(parked);
    }
}
