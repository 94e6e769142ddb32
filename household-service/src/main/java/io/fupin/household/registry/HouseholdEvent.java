package io.fupin.household.registry;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.EventTopic;
import java.time.Instant;
import java.util.UUID;

/**
 * Every event on {@code household-service.household-events.v1}, each sent in an {@link EventEnvelope} keyed by
 * household id, each carrying the household as it now stands, its fields directly in the payload.
 * The payout account travels sealed ({@link SealedPayoutAccount}): only settlement-service, which writes payout
 * files, holds the key that opens it.
 */
@EventTopic(HouseholdEvent.TOPIC)
public sealed interface HouseholdEvent {

    String TOPIC = "household-service.household-events.v1";

    HouseholdState household();

    record HouseholdRegistered(@JsonUnwrapped HouseholdState household) implements HouseholdEvent {
    }

    record HouseholdUpdated(@JsonUnwrapped HouseholdState household) implements HouseholdEvent {
    }

    static EventEnvelope<HouseholdRegistered> registered(HouseholdState state) {
        return EventEnvelope.of(state.householdId(), state.changedAt(), new HouseholdRegistered(state));
    }

    static EventEnvelope<HouseholdUpdated> updated(HouseholdState state) {
        return EventEnvelope.of(state.householdId(), state.changedAt(), new HouseholdUpdated(state));
    }

    /** The household as it now stands (both event types carry the same shape). */
    record HouseholdState(UUID householdId, String registrationNumber, String headName,
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
    record SealedPayoutAccount(String bankName, String accountMasked, String accountSealed) {

        @Override
        public String toString() {
            return "SealedPayoutAccount[" + bankName + ", " + accountMasked + "]";
        }
    }

    /** The payout account in clear, as the register's own API shows it to officials. */
    record PayoutAccount(String bankName, String accountNumber) {

        @Override
        public String toString() {
            return "PayoutAccount[" + bankName + ", ****]";
        }
    }
}
