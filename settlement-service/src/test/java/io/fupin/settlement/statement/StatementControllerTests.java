package io.fupin.settlement.statement;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A household's statement, as JSON and as CSV: clerks and administrators only. */
@WebMvcTest(StatementController.class)
@Import(StatementControllerTests.UseCases.class)
class StatementControllerTests extends ControllerSlice {

    static final UUID HOUSEHOLD = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    final HouseholdStatements statements;

    StatementControllerTests(@Autowired HouseholdStatements statements) {
        this.statements = behind(statements);
    }

    @TestConfiguration
    static class UseCases {
        @Bean
        HouseholdStatements householdStatements() {
            return useCase(HouseholdStatements.class);
        }
    }

    @Test
    void aClerkReadsTheStatementAsJsonAndAsCsv() throws Exception {
        HouseholdStatements.Statement statement = new HouseholdStatements.Statement(HOUSEHOLD, 100, 200, 0, 0, List.of());
        given(statements.of(HOUSEHOLD)).willReturn(statement);
        given(statements.csv(statement)).willReturn("date,kind\r\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/settlements/households/" + HOUSEHOLD + "/statement").with(as(Role.CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.payableFen").value(200));
        mvc.perform(get("/api/settlements/households/" + HOUSEHOLD + "/statement.csv").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(content().string("date,kind\r\n"));
    }

    @Test
    void noOneElseReadsAStatement() throws Exception {
        problem(get("/api/settlements/households/" + HOUSEHOLD + "/statement").with(as(Role.OFFICIAL)), 403, "forbidden");
        problem(get("/api/settlements/households/" + HOUSEHOLD + "/statement").with(as(Role.SELLER)), 403, "forbidden");
        problem(get("/api/settlements/households/" + HOUSEHOLD + "/statement.csv").with(callers().anonymous()), 401,
                "unauthenticated");
        verifyNoInteractions(statements);
    }

    @Test
    void aHouseholdIdThatIsNoUuidNamesTheParameter() throws Exception {
        problem(get("/api/settlements/households/230113-0001/statement").with(as(Role.CLERK)), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("householdId"));
        verifyNoInteractions(statements);
    }
}
