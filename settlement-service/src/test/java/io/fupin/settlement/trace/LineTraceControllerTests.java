package io.fupin.settlement.trace;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The public trace of a parcel's line: anyone may ask, and a line settlement has not recorded is a 404. */
@ControllerSlice(LineTraceController.class)
class LineTraceControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    /** No rule to check here: the read is public. */
    @MockitoBean
    LineTraces traces;

    @Test
    void aVisitorAskingForALineNotRecordedIsToldItIsNotFound() throws Exception {
        UUID order = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        mvc.perform(get("/api/settlements/public/orders/" + order + "/products/" + product).with(callers.anonymous()))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No paid line of product " + product + " in order " + order + "."));
    }

    @Test
    void aProductIdThatIsNoUuidNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/public/orders/" + UUID.randomUUID() + "/products/rice").with(callers.anonymous()))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("productId"));
        verifyNoInteractions(traces);
    }
}
