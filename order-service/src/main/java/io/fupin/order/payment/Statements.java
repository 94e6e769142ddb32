package io.fupin.order.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's daily statement, matched payment by payment against this service's books. Every difference
 * is named and kept for the clerks: money the provider took that this service does not know of, payments paid
 * here that the provider does not list, amounts that differ, and statuses (or refunded amounts) that differ.
 * Importing a day again replaces its report.
 */
@Component
public class Statements {

    private static final Logger log = LoggerFactory.getLogger(Statements.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PaymentProvider provider;
    private final Refunds refunds;
    private final JdbcClient jdbc;
    private final Clock clock;

    Statements(PaymentProvider provider, Refunds refunds, JdbcClient jdbc, Clock clock) {
        this.provider = provider;
        this.refunds = refunds;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Kind {
        /** This service counts the payment as paid; the provider does not list it. */
        PAID_HERE_NOT_THERE,
        /** The provider took money for a payment this service does not know. */
        PAID_THERE_NOT_HERE,
        /** Both know the payment, for different amounts. */
        AMOUNT_DIFFERS,
        /** The provider took the money but the payment is not settled as paid here, or the refunded amounts differ. */
        STATUS_DIFFERS
    }

    public record Difference(UUID paymentId, Kind kind, String hereStatus, Long hereAmountFen, Long thereAmountFen,
            Long hereRefundedFen, Long thereRefundedFen, String detail) {
    }

    public record Report(String provider, LocalDate day, Instant importedAt, int entries, long thereTotalFen,
            long hereTotalFen, List<Difference> differences) {
    }

    /** Yesterday's statement (Asia/Shanghai), imported each morning. */
    @Scheduled(cron = "${fupin.payments.statement.import-cron:0 30 9 * * *}", zone = "Asia/Shanghai")
    void importYesterday() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), CHINA).minusDays(1);
        try {
            Report report = importDay(yesterday);
            if (!report.differences().isEmpty()) {
                log.warn("The {} statement of {} differs from the books in {} payments", report.provider(), yesterday,
                        report.differences().size());
            }
        } catch (RuntimeException e) {
            log.warn("Could not import the {} statement of {}: {}", provider.name(), yesterday, e.getMessage());
        }
    }

    /** Fetches the provider's statement of a day, matches it against the payments and stores the differences. */
    @Transactional
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Report importDay(LocalDate day) {
        List<PaymentProvider.StatementEntry> entries = provider.statement(day);
        Instant from = day.atStartOfDay(CHINA).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CHINA).toInstant();
        List<Difference> differences = new ArrayList<>();
        Set<UUID> listed = new HashSet<>();
        long thereTotal = 0;
        for (PaymentProvider.StatementEntry entry : entries) {
            listed.add(entry.paymentId());
            thereTotal = Math.addExact(thereTotal, entry.amountFen());
            Optional<Here> here = here(entry.paymentId());
            if (here.isEmpty()) {
                differences.add(new Difference(entry.paymentId(), Kind.PAID_THERE_NOT_HERE, null, null, entry.amountFen(),
                        null, entry.refundedFen(), "the provider took " + entry.amountFen() + " fen (trade "
                        + entry.tradeNo() + ") for a payment unknown here"));
                continue;
            }
            Here h = here.get();
            if (h.amountFen() != entry.amountFen()) {
                differences.add(new Difference(entry.paymentId(), Kind.AMOUNT_DIFFERS, h.status(), h.amountFen(),
                        entry.amountFen(), h.refundedFen(), entry.refundedFen(), "here " + h.amountFen()
                        + " fen, the provider " + entry.amountFen() + " fen"));
            } else if (!h.paid()) {
                differences.add(new Difference(entry.paymentId(), Kind.STATUS_DIFFERS, h.status(), h.amountFen(),
                        entry.amountFen(), h.refundedFen(), entry.refundedFen(), "the provider took the money, here the payment is "
                        + h.status()));
            } else if (h.refundedFen() != entry.refundedFen()) {
                differences.add(new Difference(entry.paymentId(), Kind.STATUS_DIFFERS, h.status(), h.amountFen(),
                        entry.amountFen(), h.refundedFen(), entry.refundedFen(), "refunded here " + h.refundedFen()
                        + " fen, by the provider " + entry.refundedFen() + " fen"));
            }
        }
        long hereTotal = 0;
        List<UUID> paidHere = jdbc.sql("SELECT id FROM payment WHERE provider = ? AND status IN ('SUCCEEDED', 'REFUNDED') AND paid_at >= ? AND paid_at < ?")
                .params(provider.name(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, i) -> UUID.fromString(rs.getString(1))).list();
        for (UUID id : paidHere) {
            Here h = here(id).orElseThrow();
            hereTotal = Math.addExact(hereTotal, h.amountFen());
            if (!listed.contains(id)) {
                differences.add(new Difference(id, Kind.PAID_HERE_NOT_THERE, h.status(), h.amountFen(), null,
                        h.refundedFen(), null, "paid here for " + h.amountFen() + " fen, not on the provider's statement"));
            }
        }
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM statement_difference WHERE provider = ? AND day = ?").params(provider.name(), day).update();
        jdbc.sql("DELETE FROM statement_import WHERE provider = ? AND day = ?").params(provider.name(), day).update();
        jdbc.sql("INSERT INTO statement_import (provider, day, imported_at, entries, there_total_fen, here_total_fen) VALUES (?, ?, ?, ?, ?, ?)")
                .params(provider.name(), day, Timestamp.from(now), entries.size(), thereTotal, hereTotal).update();
        for (Difference d : differences) {
            jdbc.sql("INSERT INTO statement_difference (provider, day, payment_id, kind, here_status, here_amount_fen, there_amount_fen, here_refunded_fen, there_refunded_fen, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(provider.name(), day, d.paymentId().toString(), d.kind().name(), d.hereStatus(), d.hereAmountFen(),
                            d.thereAmountFen(), d.hereRefundedFen(), d.thereRefundedFen(), d.detail()).update();
        }
        return new Report(provider.name(), day, now, entries.size(), thereTotal, hereTotal, List.copyOf(differences));
    }

    /** The stored report of a day, if it was imported. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Optional<Report> report(LocalDate day) {
        Map<String, Object> row = new HashMap<>();
        jdbc.sql("SELECT imported_at, entries, there_total_fen, here_total_fen FROM statement_import WHERE provider = ? AND day = ?")
                .params(provider.name(), day).query(rs -> {
                    row.put("importedAt", rs.getTimestamp(1).toInstant());
                    row.put("entries", rs.getInt(2));
                    row.put("there", rs.getLong(3));
                    row.put("here", rs.getLong(4));
                });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Difference> differences = jdbc.sql("SELECT payment_id, kind, here_status, here_amount_fen, there_amount_fen, here_refunded_fen, there_refunded_fen, detail FROM statement_difference WHERE provider = ? AND day = ? ORDER BY kind, payment_id")
                .params(provider.name(), day)
                .query((rs, i) -> new Difference(UUID.fromString(rs.getString(1)), Kind.valueOf(rs.getString(2)),
                        rs.getString(3), (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class),
                        (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getString(8)))
                .list();
        return Optional.of(new Report(provider.name(), day, (Instant) row.get("importedAt"), (Integer) row.get("entries"),
                (Long) row.get("there"), (Long) row.get("here"), differences));
    }

    private record Here(String status, long amountFen, long refundedFen) {
        boolean paid() {
            return "SUCCEEDED".equals(status) || "REFUNDED".equals(status);
        }
    }

    private Optional<Here> here(UUID paymentId) {
        return jdbc.sql("SELECT status, amount_fen FROM payment WHERE id = ?").param(paymentId.toString())
                .query((rs, i) -> new Here(rs.getString(1), rs.getLong(2), 0)).optional()
                .map(h -> new Here(h.status(), h.amountFen(), refunds.sentOf(paymentId)));
    }
}
