package io.fupin.household.registry;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The envelope of every event on {@code household-service.household-events.v1}, keyed by household id.
 * Carries the payout account in clear for settlement's payout files: the topic stays inside the cluster.
 */
@Externalized("household-service.household-events.v1::#{#this.aggregateId()}")
public record HouseholdEvent(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        Object payload) {

    static HouseholdEvent registered(HouseholdState state) {
        return new HouseholdEvent(UUID.randomUUID(), "HouseholdRegistered", 1, state.changedAt(),
                state.householdId().toString(), state);
    }

    static HouseholdEvent updated(HouseholdState state) {
        return new HouseholdEvent(UUID.randomUUID(), "HouseholdUpdated", 1, state.changedAt(),
                state.householdId().toString(), state);
    }

    /** The household as it now stands (both event types carry the same shape). */
    public record HouseholdState(UUID householdId, String registrationNumber, String headName,
            HouseholdCategory category, UUID villageId, String villageName, String townName,
            PayoutAccount payoutAccount, HouseholdStatus status, Instant changedAt) {

        @Override
        public String toString() {
            // Never log the account number.
            return "HouseholdState[" + householdId + ", " + registrationNumber + ", " + status + "]";
        }
    }

    public record PayoutAccount(String bankName, String accountNumber) {

        @Override
        public String toString() {
            return "PayoutAccount[" + bankName + ", ****]";
        }
    }
}
