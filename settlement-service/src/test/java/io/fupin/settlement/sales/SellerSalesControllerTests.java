package io.fupin.settlement.sales;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.settlement.payout.InvalidPeriod;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A seller's own sales: sellers only (the seller id is the caller's), and the days checked. */
@ControllerSlice(SellerSalesController.class)
class SellerSalesControllerTests {

    static final LocalDate FROM = LocalDate.of(2031, 1, 1);
    static final LocalDate TO = LocalDate.of(2031, 1, 31);

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    SellerSales sales;

    @Test
    void aSellerReadsItsOwnSales() throws Exception {
        SellerSales.Figures none = new SellerSales.Figures(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        given(sales.of(any(), eq(FROM), eq(TO)))
                .willReturn(new SellerSales.Report(SignedCallers.SELLER, FROM, TO, List.of(), none));
        mvc.perform(get("/api/settlements/sales").param("from", "2031-01-01").param("to", "2031-01-31")
                .with(callers.as(Role.SELLER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.sellerId").value(SignedCallers.SELLER.toString()));
    }

    @Test
    void noOtherRoleNorASellerWithoutItsSellerIdReadsSales() throws Exception {
        mvc.perform(sales().with(callers.as(Role.CLERK))).andExpect(problem(403, "forbidden"));
        mvc.perform(sales().with(callers.as(Role.ADMIN))).andExpect(problem(403, "forbidden"));
        mvc.perform(sales().with(callers.as(Caller.of("seller-without-id", null, Role.SELLER))))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(sales().with(callers.anonymous())).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(sales);
    }

    @Test
    void daysThatEndBeforeTheyStartNameTheLastDay() throws Exception {
        given(sales.of(any(), eq(TO), eq(FROM))).willAnswer(call -> {
            InvalidPeriod.check(TO, FROM);
            return null;
        });
        mvc.perform(get("/api/settlements/sales").param("from", "2031-01-31").param("to", "2031-01-01")
                .with(callers.as(Role.SELLER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("lastDay"));
    }

    @Test
    void aDayThatIsNoDateNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/sales").param("from", "2031-02-30").param("to", "2031-03-01")
                .with(callers.as(Role.SELLER)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        verifyNoInteractions(sales);
    }

    private static MockHttpServletRequestBuilder sales() {
        return get("/api/settlements/sales").param("from", "2031-01-01").param("to", "2031-01-31");
    }
}
