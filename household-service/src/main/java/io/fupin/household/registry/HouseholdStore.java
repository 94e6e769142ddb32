package io.fupin.household.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Households in MariaDB; inserts go in JDBC batches so that a 10,000-row import takes seconds. */
@Repository
class HouseholdStore {

    private static final String COLUMNS = "id, registration_number, head_name, identity_cipher, identity_masked, "
            + "identity_index, mobile, members, category, village_id, income_projects, bank_name, account_cipher, "
            + "account_masked, annual_target_fen, status, registered_at, changed_at, version";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    HouseholdStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<Household> households) {
        template.batchUpdate("INSERT INTO household (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                households, BATCH, (ps, h) -> {
                    ps.setString(1, h.id().toString());
                    ps.setString(2, h.registrationNumber());
                    ps.setString(3, h.headName());
                    ps.setString(4, h.identityCipher());
                    ps.setString(5, h.identityMasked());
                    ps.setString(6, h.identityIndex());
                    ps.setString(7, h.mobile());
                    ps.setInt(8, h.members());
                    ps.setString(9, h.category().name());
                    ps.setString(10, h.villageId().toString());
                    ps.setString(11, projects(h.incomeProjects()));
                    ps.setString(12, h.bankName());
                    ps.setString(13, h.accountCipher());
                    ps.setString(14, h.accountMasked());
                    ps.setLong(15, h.annualTargetFen());
                    ps.setString(16, h.status().name());
                    ps.setTimestamp(17, Timestamp.from(h.registeredAt()));
                    ps.setTimestamp(18, Timestamp.from(h.changedAt()));
                    ps.setLong(19, h.version());
                });
    }

    /** Writes the next version; false when someone else changed the household first. */
    boolean update(Household h) {
        return jdbc.sql("""
                UPDATE household SET head_name = ?, identity_cipher = ?, identity_masked = ?, identity_index = ?,
                  mobile = ?, members = ?, category = ?, village_id = ?, income_projects = ?, bank_name = ?,
                  account_cipher = ?, account_masked = ?, annual_target_fen = ?, status = ?, changed_at = ?, version = ?
                WHERE id = ? AND version = ?""")
                .params(h.headName(), h.identityCipher(), h.identityMasked(), h.identityIndex(), h.mobile(), h.members(),
                        h.category().name(), h.villageId().toString(), projects(h.incomeProjects()), h.bankName(),
                        h.accountCipher(), h.accountMasked(), h.annualTargetFen(), h.status().name(),
                        Timestamp.from(h.changedAt()), h.version(), h.id().toString(), h.version() - 1)
                .update() == 1;
    }

    Optional<Household> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household WHERE id = ?").param(id.toString())
                .query(HouseholdStore::map).optional();
    }

    List<Household> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household ORDER BY registration_number").query(HouseholdStore::map).list();
    }

    List<Household> inVillages(Collection<UUID> villages) {
        if (villages.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM household WHERE village_id IN (:villages) ORDER BY registration_number")
                .param("villages", villages.stream().map(UUID::toString).toList())
                .query(HouseholdStore::map).list();
    }

    /**
     * One page of the register in registration order: in these villages and among these households ({@code null}
     * for no limit), of this category ({@code null} for any).
     */
    List<Household> page(Collection<UUID> villages, Collection<UUID> ids, HouseholdCategory category, int offset, int size) {
        if (none(villages) || none(ids)) {
            return List.of();
        }
        return filtered(jdbc.sql("SELECT " + COLUMNS + " FROM household WHERE " + where(villages, ids, category)
                + " ORDER BY registration_number LIMIT :size OFFSET :offset"), villages, ids, category)
                .param("size", size).param("offset", offset).query(HouseholdStore::map).list();
    }

    long count(Collection<UUID> villages, Collection<UUID> ids, HouseholdCategory category) {
        if (none(villages) || none(ids)) {
            return 0;
        }
        return filtered(jdbc.sql("SELECT COUNT(*) FROM household WHERE " + where(villages, ids, category)),
                villages, ids, category).query(Long.class).single();
    }

    private static boolean none(Collection<UUID> limit) {
        return limit != null && limit.isEmpty();
    }

    private static String where(Collection<UUID> villages, Collection<UUID> ids, HouseholdCategory category) {
        return (villages == null ? "TRUE" : "village_id IN (:villages)") + (ids == null ? "" : " AND id IN (:ids)")
                + (category == null ? "" : " AND category = :category");
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, Collection<UUID> villages,
            Collection<UUID> ids, HouseholdCategory category) {
        if (villages != null) {
            sql = sql.param("villages", villages.stream().map(UUID::toString).toList());
        }
        if (ids != null) {
            sql = sql.param("ids", ids.stream().map(UUID::toString).toList());
        }
        return category == null ? sql : sql.param("category", category.name());
    }

    List<Household> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM household WHERE id IN (:ids)")
                .param("ids", ids.stream().map(UUID::toString).toList()).query(HouseholdStore::map).list();
    }

    /** Which of these registration numbers are taken already. */
    Set<String> takenRegistrationNumbers(Collection<String> numbers) {
        return chunked(numbers, "SELECT registration_number FROM household WHERE registration_number IN (:v)");
    }

    /** Which of these identity indexes belong to a registered household already. */
    Set<String> takenIdentityIndexes(Collection<String> indexes) {
        return chunked(indexes, "SELECT identity_index FROM household WHERE identity_index IN (:v)");
    }

    Optional<UUID> holderOfIdentity(String index) {
        return jdbc.sql("SELECT id FROM household WHERE identity_index = ?").param(index).query(String.class).optional()
                .map(UUID::fromString);
    }

    private Set<String> chunked(Collection<String> values, String sql) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> part = all.subList(from, Math.min(all.size(), from + BATCH));
            found.addAll(jdbc.sql(sql).param("v", part).query(String.class).list());
        }
        return found;
    }

    private static String projects(Set<IncomeProject> projects) {
        return projects.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Household map(ResultSet rs, int n) throws SQLException {
        Set<IncomeProject> projects = EnumSet.noneOf(IncomeProject.class);
        Arrays.stream(rs.getString("income_projects").split(",")).filter(s -> !s.isEmpty())
                .forEach(p -> projects.add(IncomeProject.valueOf(p)));
        return new Household(UUID.fromString(rs.getString("id")), rs.getString("registration_number"),
                rs.getString("head_name"), rs.getString("identity_cipher"), rs.getString("identity_masked"),
                rs.getString("identity_index"), rs.getString("mobile"), rs.getInt("members"),
                HouseholdCategory.valueOf(rs.getString("category")), UUID.fromString(rs.getString("village_id")),
                projects, rs.getString("bank_name"), rs.getString("account_cipher"), rs.getString("account_masked"),
                rs.getLong("annual_target_fen"), HouseholdStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("changed_at").toInstant(),
                rs.getLong("version"));
    }
}
