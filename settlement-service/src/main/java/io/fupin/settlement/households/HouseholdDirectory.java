package io.fupin.settlement.households;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fupin.support.crypto.KeyRing;
import io.fupin.support.events.EventConsumers;
import io.fupin.support.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the copy from {@code household-service.household-events.v1}, once per event. A stale event (older
 * {@code changedAt} than what is stored) changes nothing, so the copy converges whatever the delivery order.
 * The payout account arrives sealed under {@code FUPIN_PAYOUT_ACCOUNT_KEY} (household-service holds the same key)
 * and bound to its household; it is opened here because settlement writes the number into payout files.
 */
@Service
public class HouseholdDirectory {

    static final String TOPIC = "household-service.household-events.v1";
    static final String CONSUMER = "settlement.household-events";

    private final EventConsumers events;
    private final JdbcClient jdbc;
    private final KeyRing payoutAccountKeys;

    HouseholdDirectory(EventConsumers events, JdbcClient jdbc,
            @Value("${fupin.settlement.payout-account-key:}") String payoutAccountKey,
            @Value("${fupin.settlement.previous-payout-account-keys:}") String previousPayoutAccountKeys) {
        this.events = events;
        this.jdbc = jdbc;
        this.payoutAccountKeys = KeyRing.fromSettings("FUPIN_PAYOUT_ACCOUNT_KEY (fupin.settlement.payout-account-key)",
                payoutAccountKey, "FUPIN_PREVIOUS_PAYOUT_ACCOUNT_KEYS (fupin.settlement.previous-payout-account-keys)",
                previousPayoutAccountKeys);
    }

    @KafkaListener(id = "settlement-household-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(CONSUMER, record.value(), HouseholdEvents.class, this::apply);
    }

    void apply(EventEnvelope<HouseholdEvents> event) {
        // Both types carry the household as it now stands.
        HouseholdChanged household = switch (event.payload()) {
            case HouseholdRegistered registered -> registered.household();
            case HouseholdUpdated updated -> updated.household();
        };
        Instant changedAt = household.changedAt() != null ? household.changedAt() : event.occurredAt();
        String bank = household.payoutAccount() == null ? null : household.payoutAccount().bankName();
        String account = household.payoutAccount() == null ? null : accountNumber(household);
        jdbc.sql("""
                INSERT INTO household (household_id, registration_number, head_name, category, village_name, town_name,
                    bank_name, account_number, status, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                    registration_number = IF(VALUES(changed_at) >= changed_at, VALUES(registration_number), registration_number),
                    head_name = IF(VALUES(changed_at) >= changed_at, VALUES(head_name), head_name),
                    category = IF(VALUES(changed_at) >= changed_at, VALUES(category), category),
                    village_name = IF(VALUES(changed_at) >= changed_at, VALUES(village_name), village_name),
                    town_name = IF(VALUES(changed_at) >= changed_at, VALUES(town_name), town_name),
                    bank_name = IF(VALUES(changed_at) >= changed_at, VALUES(bank_name), bank_name),
                    account_number = IF(VALUES(changed_at) >= changed_at, VALUES(account_number), account_number),
                    status = IF(VALUES(changed_at) >= changed_at, VALUES(status), status),
                    changed_at = GREATEST(VALUES(changed_at), changed_at)""")
                .params(household.householdId().toString(), household.registrationNumber(), household.headName(),
                        household.category(), household.villageName(), household.townName(), bank, account,
                        household.status(), Timestamp.from(changedAt))
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<Payee> payee(UUID householdId) {
        return jdbc.sql("""
                SELECT household_id, registration_number, head_name, bank_name, account_number FROM household
                WHERE household_id = ?""")
                .param(householdId.toString())
                .query((rs, n) -> new Payee(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** Events written before accounts were sealed carry the number in clear; they are read as they are. */
    private String accountNumber(HouseholdChanged household) {
        PayoutAccount account = household.payoutAccount();
        if (account.accountSealed() == null) {
            return account.accountNumber();
        }
        return payoutAccountKeys.open(KeyRing.Sealed.parse(account.accountSealed()),
                "household/" + household.householdId() + "/payout-account");
    }

    /** Settlement's own reading of the topic's events (no shared classes with the producer); unknown fields ignored. */
    sealed interface HouseholdEvents permits HouseholdRegistered, HouseholdUpdated {
    }

    record HouseholdRegistered(@JsonUnwrapped HouseholdChanged household) implements HouseholdEvents {
    }

    record HouseholdUpdated(@JsonUnwrapped HouseholdChanged household) implements HouseholdEvents {
    }

    record HouseholdChanged(UUID householdId, String registrationNumber, String headName, String category,
            String villageName, String townName, PayoutAccount payoutAccount, String status, Instant changedAt) {
    }

    /** {@code accountNumber}: in clear in events from before the account was sealed; newer events leave it out. */
    record PayoutAccount(String bankName, String accountMasked, String accountSealed,
            @Nullable String accountNumber) {
    }
}
