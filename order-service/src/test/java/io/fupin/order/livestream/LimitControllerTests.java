package io.fupin.order.livestream;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.SignedCallers;
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

/** Livestream limits and shows: what a malformed limit or show is told, and who is let in at all. */
@WebMvcTest({LimitController.class, ShowController.class})
@ActiveProfiles("test")
class LimitControllerTests {

    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    @Autowired
    MockMvc mvc;

    final SignedCallers callers;

    @MockitoBean
    BuyerLimits limits;

    LimitControllerTests(@Autowired IdentitySignature signature) {
        this.callers = new SignedCallers(signature);
    }

    @Test
    void anyoneSignedInReadsALimit() throws Exception {
        given(limits.limitOf(PRODUCT)).willReturn(5);
        mvc.perform(get("/api/orders/livestream-limits/" + PRODUCT).with(callers.as(Role.CONSUMER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxUnitsPerBuyer").value(5));
    }

    @Test
    void aLimitOutOfRangeNamesTheField() throws Exception {
        problem(put("/api/orders/livestream-limits/" + PRODUCT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"maxUnitsPerBuyer\":0}").with(callers.as(Role.ADMIN)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("maxUnitsPerBuyer"));
        verifyNoInteractions(limits);
    }

    @Test
    void aProductThatIsNoIdNamesTheParameter() throws Exception {
        problem(get("/api/orders/livestream-limits/apples").with(callers.as(Role.ADMIN)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("productId"));
        verifyNoInteractions(limits);
    }

    @Test
    void aShowEndingBeforeItStartsIsInvalid() throws Exception {
        problem(post("/api/orders/livestream-shows").contentType(MediaType.APPLICATION_JSON).content("""
                {"title":"年货节","productIds":["%s"],"startsAt":"2026-12-01T12:00:00Z","endsAt":"2026-12-01T10:00:00Z"}"""
                .formatted(PRODUCT)).with(callers.as(Role.ADMIN)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("endingAfterStart"));
        verifyNoInteractions(limits);
    }

    @Test
    void aLimitSetWithoutTheGatewaysSignatureIsRefused() throws Exception {
        problem(put("/api/orders/livestream-limits/" + PRODUCT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"maxUnitsPerBuyer\":3}"), 401, "unauthenticated");
        verifyNoInteractions(limits);
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
