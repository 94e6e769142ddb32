package io.fupin.household.registry;

import io.fupin.household.places.VillageRef;
import java.util.UUID;

/** What other features need of a household: no personal numbers. */
public record HouseholdSummary(UUID householdId, String registrationNumber, String headName,
        HouseholdCategory category, HouseholdStatus status, long annualTargetFen, VillageRef village) {
}
