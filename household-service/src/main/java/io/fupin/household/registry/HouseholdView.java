package io.fupin.household.registry;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A household as answered. {@code masked} says whether identity, account and mobile numbers are shown
 * masked ({@code 230126********1234}) — they are for everyone but OFFICIAL and ADMIN. {@code pendingAccountChange}
 * is a new payout account waiting for a second person's approval, or {@code null}.
 */
public record HouseholdView(UUID householdId, String registrationNumber, String headName, String identityNumber,
        String mobile, int members, HouseholdCategory category, UUID villageId, String villageName, String townName,
        String districtName, Set<IncomeProject> incomeProjects, HouseholdEvent.PayoutAccount payoutAccount,
        long annualTargetFen, HouseholdStatus status, Instant registeredAt, Instant changedAt, long version,
        boolean masked, AccountChange pendingAccountChange) {
}
