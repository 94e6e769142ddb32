package io.fupin.settlement.statement;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A household's statement, as JSON and as CSV: clerks and administrators only. */
@ControllerSlice(StatementController.class)
class StatementControllerTests {

    static final UUID HOUSEHOLD = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    HouseholdStatements statements;

    @Test
    void aClerkReadsTheStatementAsJsonAndAsCsv() throws Exception {
        HouseholdStatements.Statement statement = new HouseholdStatements.Statement(HOUSEHOLD, 100, 200, 0, 0, List.of());
        given(statements.of(HOUSEHOLD)).willReturn(statement);
        given(statements.csv(statement)).willReturn("date,kind\r\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/settlements/households/" + HOUSEHOLD + "/statement").with(callers.as(Role.CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.payableFen").value(200));
        mvc.perform(get("/api/settlements/households/" + HOUSEHOLD + "/statement.csv").with(callers.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(content().string("date,kind\r\n"));
    }

    @Test
    void noOneElseReadsAStatement() throws Exception {
        mvc.perform(get("/api/settlements/households/" + HOUSEHOLD + "/statement").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/settlements/households/" + HOUSEHOLD + "/statement").with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/settlements/households/" + HOUSEHOLD + "/statement.csv").with(callers.anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(statements);
    }

    @Test
    void aHouseholdIdThatIsNoUuidNamesTheParameter() throws Exception {
        mvc.perform(get("/api/settlements/households/230113-0001/statement").with(callers.as(Role.CLERK)))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("householdId"));
        verifyNoInteractions(statements);
    }
}
