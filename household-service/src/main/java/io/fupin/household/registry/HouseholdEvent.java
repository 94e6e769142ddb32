package io.fupin.household.registry;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The envelope of every event on {@code household-service.household-events.v1}, keyed by household id.
 * The payout account travels sealed ({@link SealedPayoutAccount}): only settlement-service, which writes payout
 * files, holds the key that opens it.
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
            SealedPayoutAccount payoutAccount, HouseholdStatus status, Instant changedAt) {

        @Override
        public String toString() {
            // Never log the account number.
            return "HouseholdState[" + householdId + ", " + registrationNumber + ", " + status + "]";
        }
    }

    /**
     * The payout account as events carry it: the bank, the masked number, and the number sealed under
     * {@code FUPIN_PAYOUT_ACCOUNT_KEY} ({@code <keyId>:<base64>}, bound to {@code household/<id>/payout-account}).
     */
    public record SealedPayoutAccount(String bankName, String accountMasked, String accountSealed) {

        @Override
        public String toString() {
            return "SealedPayoutAccount[" + bankName + ", " + accountMasked + "]";
        }
    }

    /** The payout account in clear, as the register's own API shows it to officials. */
    public record PayoutAccount(String bankName, String accountNumber) {

        @Override
        public String toString() {
            return "PayoutAccount[" + bankName + ", ****]";
        }
    }
}
