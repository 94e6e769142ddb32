package io.fupin.settlement.statement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settlements/households/{householdId}")
@Tag(name = "Household statements", description = "Every entry for one household (CLERK, ADMIN)")
class StatementController {

    private final HouseholdStatements statements;

    StatementController(HouseholdStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/statement")
    @Operation(summary = "A household's statement: entries with order, product, date and amount, and its balances")
    HouseholdStatements.Statement statement(@PathVariable UUID householdId) {
        return statements.of(householdId);
    }

    @GetMapping(value = "/statement.csv", produces = "text/csv")
    @Operation(summary = "The same statement as CSV (UTF-8, dates in Asia/Shanghai, amounts in yuan)")
    ResponseEntity<byte[]> statementCsv(@PathVariable UUID householdId) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("statement-" + householdId + ".csv").build().toString())
                .body(statements.csv(statements.of(householdId)));
    }
}
