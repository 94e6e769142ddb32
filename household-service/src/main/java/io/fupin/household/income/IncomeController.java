package io.fupin.household.income;

import io.fupin.household.income.IncomeLedger.HouseholdIncome;
import io.fupin.household.registry.HouseholdId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/households")
@Tag(name = "Income", description = "Each household's income from payouts")
class IncomeController {

    private final IncomeLedger ledger;

    IncomeController(IncomeLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/{householdId}/income")
    @Operation(summary = "A household's income entries and total (OFFICIAL, ADMIN, CLERK)")
    HouseholdIncome income(@PathVariable HouseholdId householdId) {
        return ledger.incomeOf(householdId);
    }
}
