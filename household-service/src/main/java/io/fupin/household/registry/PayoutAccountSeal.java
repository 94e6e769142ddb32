package io.fupin.household.registry;

import io.fupin.household.registry.HouseholdEvent.SealedPayoutAccount;
import io.fupin.support.crypto.KeyRing;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the payout account a household event carries, so that the number never travels over Kafka in clear:
 * AES-256-GCM under {@code FUPIN_PAYOUT_ACCOUNT_KEY}, which settlement-service is given too (it writes the
 * number into payout files), bound to the household so that a sealed number copied into another household's
 * event does not open. Everyone else reading the topic sees the bank and the masked number only.
 */
@Component
class PayoutAccountSeal {

    static final String KEY_VARIABLE = "FUPIN_PAYOUT_ACCOUNT_KEY (fupin.household.payout-account-key)";

    private final KeyRing keys;

    PayoutAccountSeal(@Value("${fupin.household.payout-account-key:}") String key) {
        this.keys = KeyRing.fromSettings(KEY_VARIABLE, key, KEY_VARIABLE, "");
    }

    SealedPayoutAccount seal(UUID householdId, String bankName, String accountNumber) {
        return new SealedPayoutAccount(bankName, ValidHousehold.maskAccount(accountNumber),
                keys.seal(accountNumber, associatedData(householdId)).text());
    }

    /** What settlement-service binds the opened number to: the same text on both sides. */
    static String associatedData(UUID householdId) {
        return "household/" + householdId + "/payout-account";
    }
}
