package io.fupin.order.totals;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The internal day totals settlement reads: its day and paging checked at the door. */
@ControllerSlice(DayTotalsController.class)
class DayTotalsControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    DayTotals totals;

    @Test
    void settlementReadsADaysTotals() throws Exception {
        UUID order = UUID.randomUUID();
        given(totals.of(eq(LocalDate.of(2026, 11, 1)), any(PageRequest.class)))
                .willReturn(Page.of(List.of(new DayTotals.OrderTotal(order, 1200, 200)), PageRequest.of(0, 500, 1000), 1));
        mvc.perform(get("/internal/order-totals/2026-11-01").with(callers.as(Role.SERVICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].orderId").value(order.toString()))
                .andExpect(jsonPath("$.items[0].refundedFen").value(200));
    }

    @Test
    void aDayThatIsNoDateNamesTheParameter() throws Exception {
        mvc.perform(get("/internal/order-totals/2026-13-01").with(callers.as(Role.SERVICE)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        verifyNoInteractions(totals);
    }

    @Test
    void aPageTooLargeNamesTheParameter() throws Exception {
        mvc.perform(get("/internal/order-totals/2026-11-01").param("size", "1001").with(callers.as(Role.SERVICE)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
        verifyNoInteractions(totals);
    }

    @Test
    void anUnsignedCallIsRefusedBeforeTheTotals() throws Exception {
        mvc.perform(get("/internal/order-totals/2026-11-01")).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(totals);
    }
}
