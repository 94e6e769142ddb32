package io.fupin.household.income;

import io.fupin.household.registry.HouseholdCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One household's income against its target in a year (Asia/Shanghai calendar). */
public record HouseholdProgress(UUID householdId, String registrationNumber, String headName,
        HouseholdCategory category, String villageName, String townName, int year, long incomeFen, long targetFen,
        BigDecimal percent, ProgressStatus status, LocalDate reachedOn) {
}
