package io.fupin.household.registry;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pending and decided payout-account changes; the number itself only as ciphertext. */
@Component
class AccountChanges {

    private static final String COLUMNS = """
            id, household_id, bank_name, account_masked, status, requested_by, requested_at, decided_by, decided_at""";

    private final JdbcClient jdbc;

    AccountChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AccountChange request(HouseholdId householdId, String bankName, String accountCipher, String accountMasked,
            String requestedBy, Instant now) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO household_account_change (id, household_id, bank_name, account_cipher, account_masked,
                        status, requested_by, requested_at, pending_household_id)
                    VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                    .params(id.toString(), householdId.value().toString(), bankName, accountCipher, accountMasked, requestedBy,
                            Timestamp.from(now), householdId.value().toString())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AccountChangePending(householdId);
        }
        return new AccountChange(id, householdId, bankName, accountMasked, "PENDING", requestedBy, now, null, null);
    }

    Optional<AccountChange> pendingFor(HouseholdId householdId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household_account_change WHERE pending_household_id = ?")
                .param(householdId.value().toString()).query(AccountChanges::row).optional();
    }

    /** A page of the changes waiting for a second person, oldest first. */
    Page<AccountChange> pending(PageRequest page) {
        List<AccountChange> rows = jdbc.sql("SELECT " + COLUMNS + " FROM household_account_change WHERE status = 'PENDING' "
                + "ORDER BY requested_at, id LIMIT ? OFFSET ?").params(page.size(), page.offset())
                .query(AccountChanges::row).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM household_account_change WHERE status = 'PENDING'")
                .query(Long.class).single();
        return Page.of(rows, page, total);
    }

    /** The change and its ciphertext, locked until the transaction ends so that two people cannot both decide it. */
    record Locked(AccountChange change, String accountCipher) {
    }

    Optional<Locked> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", account_cipher FROM household_account_change WHERE id = ? FOR UPDATE")
                .param(id.toString()).query((rs, n) -> new Locked(row(rs, n), rs.getString("account_cipher")))
                .optional();
    }

    void decide(UUID id, String status, String decidedBy, Instant now) {
        jdbc.sql("""
                UPDATE household_account_change SET status = ?, decided_by = ?, decided_at = ?, pending_household_id = NULL
                WHERE id = ?""").params(status, decidedBy, Timestamp.from(now), id.toString()).update();
    }

    private static AccountChange row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new AccountChange(UUID.fromString(rs.getString("id")),
                new HouseholdId(UUID.fromString(rs.getString("household_id"))),
                rs.getString("bank_name"), rs.getString("account_masked"), rs.getString("status"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
