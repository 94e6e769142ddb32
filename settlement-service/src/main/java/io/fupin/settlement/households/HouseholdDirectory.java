package io.fupin.settlement.households;

import io.fupin.support.crypto.KeyRing;
import io.fupin.support.kafka.ProcessedEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    private static final Logger log = LoggerFactory.getLogger(HouseholdDirectory.class);

    private final ProcessedEvents processed;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final KeyRing payoutAccountKeys;

    HouseholdDirectory(ProcessedEvents processed, JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions,
            @Value("${fupin.settlement.payout-account-key:}") String payoutAccountKey,
            @Value("${fupin.settlement.previous-payout-account-keys:}") String previousPayoutAccountKeys) {
        this.processed = processed;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.payoutAccountKeys = KeyRing.fromSettings("FUPIN_PAYOUT_ACCOUNT_KEY (fupin.settlement.payout-account-key)",
                payoutAccountKey, "FUPIN_PREVIOUS_PAYOUT_ACCOUNT_KEYS (fupin.settlement.previous-payout-account-keys)",
                previousPayoutAccountKeys);
    }

    @KafkaListener(id = "settlement-household-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        Envelope event = json.readValue(record.value(), Envelope.class);
        // The effect and the record of the event id commit together, or not at all.
        transactions.executeWithoutResult(status -> apply(event));
    }

    void apply(Envelope event) {
        if (!processed.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        if (!"HouseholdRegistered".equals(event.eventType()) && !"HouseholdUpdated".equals(event.eventType())) {
            log.debug("Ignoring {} {}", event.eventType(), event.eventId());
            return;
        }
        var household = json.treeToValue(event.payload(), HouseholdChanged.class);
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

    /** Settlement's own reading of the envelope; unknown fields ignored. */
    record Envelope(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
            JsonNode payload) {
    }

    record HouseholdChanged(UUID householdId, String registrationNumber, String headName, String category,
            String villageName, String townName, PayoutAccount payoutAccount, String status, Instant changedAt) {
    }

    record PayoutAccount(String bankName, String accountMasked, String accountSealed, String accountNumber) {
    }
}
