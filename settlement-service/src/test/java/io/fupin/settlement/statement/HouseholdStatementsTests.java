package io.fupin.settlement.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HouseholdStatementsTests {

    final HouseholdStatements statements = new HouseholdStatements(null);

    @Test
    void keepsNegativeAmountsAsNumbersAndNeutralizesFormulaCells() {
        UUID order = new UUID(0, 7);
        var statement = new HouseholdStatements.Statement(new UUID(0, 1), 0, -1250, 0, 0, List.of(
                new HouseholdStatements.Entry(Instant.parse("2030-01-03T02:00:00Z"), "=REFUND()", "PAYABLE", order,
                        null, null, -1250)));

        String[] rows = new String(statements.csv(statement), StandardCharsets.UTF_8).split("\r\n");

        assertThat(rows[1]).isEqualTo("2030-01-03 10:00:00,'=REFUND(),PAYABLE," + order + ",,,-12.50");
        assertThat(rows[2]).isEqualTo("BALANCE,,,,,,-12.50");
    }
}
