package io.fupin.order.livestream;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.order.stock.ProductId;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Livestream limits and shows: what a malformed limit or show is told, and who is let in at all. */
@ControllerSlice({LimitController.class, ShowController.class})
class LimitControllerTests {

    static final ProductId PRODUCT = new ProductId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    BuyerLimits limits;

    @Test
    void anyoneSignedInReadsALimit() throws Exception {
        given(limits.limitOf(PRODUCT)).willReturn(5);
        mvc.perform(get("/api/orders/livestream-limits/" + PRODUCT.value()).with(callers.as(Role.CONSUMER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.productId").value(PRODUCT.value().toString()))
                .andExpect(jsonPath("$.maxUnitsPerBuyer").value(5));
    }

    @Test
    void aLimitOutOfRangeNamesTheField() throws Exception {
        mvc.perform(put("/api/orders/livestream-limits/" + PRODUCT.value()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"maxUnitsPerBuyer\":0}").with(callers.as(Role.ADMIN)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("maxUnitsPerBuyer"));
        verifyNoInteractions(limits);
    }

    @Test
    void aProductThatIsNoIdNamesTheParameter() throws Exception {
        mvc.perform(get("/api/orders/livestream-limits/apples").with(callers.as(Role.ADMIN)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        verifyNoInteractions(limits);
    }

    @Test
    void aShowEndingBeforeItStartsIsInvalid() throws Exception {
        mvc.perform(post("/api/orders/livestream-shows").contentType(MediaType.APPLICATION_JSON).content("""
                {"title":"年货节","productIds":["%s"],"startsAt":"2026-12-01T12:00:00Z","endsAt":"2026-12-01T10:00:00Z"}"""
                .formatted(PRODUCT.value())).with(callers.as(Role.ADMIN)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("endingAfterStart"));
        verifyNoInteractions(limits);
    }

    @Test
    void aLimitSetWithoutTheGatewaysSignatureIsRefused() throws Exception {
        mvc.perform(put("/api/orders/livestream-limits/" + PRODUCT.value()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"maxUnitsPerBuyer\":3}"))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(limits);
    }
}
