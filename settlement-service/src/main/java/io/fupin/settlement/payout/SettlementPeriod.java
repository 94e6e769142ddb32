package io.fupin.settlement.payout;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A closed settlement period: a range of days in Asia/Shanghai, [startsAt, endsAt) as instants, and the
 * reconciliation report as it stood when it was closed (kept, so later events cannot rewrite it).
 */
@Table("settlement_period")
class SettlementPeriod {

    @Id
    private final SettlementPeriodId id;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final Instant startsAt;
    private final Instant endsAt;
    private final String closedBy;
    private final Instant closedAt;
    private final String report;
    @Version
    private Long version;

    SettlementPeriod(SettlementPeriodId id, LocalDate firstDay, LocalDate lastDay, Instant startsAt, Instant endsAt, String closedBy,
            Instant closedAt, String report, Long version) {
        this.id = id;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.report = report;
        this.version = version;
    }

    SettlementPeriodId id() {
        return id;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    String closedBy() {
        return closedBy;
    }

    Instant closedAt() {
        return closedAt;
    }

    String report() {
        return report;
    }
}
