package io.fupin.household.registry;

import java.time.Instant;
import java.util.UUID;

/** A new payout account asked for by one person, waiting for a second to approve it (maker-checker). */
public record AccountChange(UUID changeId, HouseholdId householdId, String bankName, String maskedAccount, String status,
        String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {
}
