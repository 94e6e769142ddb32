package io.fupin.household.income;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The income ledger, and the households of a place as their income between two instants puts them: the register's
 * {@code household} and {@code place} tables are joined for the place and the target.
 */
interface IncomeEntries extends ListCrudRepository<IncomeEntry, Long> {

    List<IncomeEntry> findByHouseholdIdOrderByPaidAtAsc(UUID householdId);

    /**
     * The households of the village, town or district still on the register, with their status (as
     * IncomeProgress's status: REACHED at the target, ON_TRACK at least at the elapsed share of the year's days, else
     * BEHIND; in DECIMAL so that no product overflows) when {@code status} is not null.
     */
    String IN_PLACE = """
            FROM household h JOIN place v ON v.id = h.village_id JOIN place t ON t.id = v.parent_id
            LEFT JOIN (SELECT household_id, SUM(amount_fen) AS income FROM income_entry
              WHERE paid_at >= :from AND paid_at < :until GROUP BY household_id) i ON i.household_id = h.id
            WHERE h.status <> 'DEREGISTERED' AND :placeId IN (v.id, t.id, t.parent_id)
              AND (:status IS NULL OR :status = CASE
                WHEN COALESCE(i.income, 0) >= h.annual_target_fen THEN 'REACHED'
                WHEN CAST(COALESCE(i.income, 0) AS DECIMAL(38)) * :daysInYear
                  >= CAST(h.annual_target_fen AS DECIMAL(38)) * :elapsedDays THEN 'ON_TRACK'
                ELSE 'BEHIND' END)
            """;

    /** A page of those households, by registration number. */
    @Query("SELECT h.id " + IN_PLACE + " ORDER BY h.registration_number, h.id LIMIT :limit OFFSET :offset")
    List<UUID> householdsInPlace(UUID placeId, Instant from, Instant until, int daysInYear, int elapsedDays,
            ProgressStatus status, int limit, long offset);

    @Query("SELECT COUNT(*) " + IN_PLACE)
    long countHouseholdsInPlace(UUID placeId, Instant from, Instant until, int daysInYear, int elapsedDays,
            ProgressStatus status);
}
