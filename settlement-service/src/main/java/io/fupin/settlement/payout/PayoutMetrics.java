package io.fupin.settlement.payout;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the money: the suspense balance (paid net without a linkage, or refunds nobody
 * could be matched to) and the payout batches per status, with their totals; a batch {@code closed} waits for a
 * checker's approval. Each figure is read from the ledger and the batches when Prometheus scrapes.
 */
@Component
class PayoutMetrics implements MeterBinder {

    private final Ledger ledger;
    private final JdbcClient jdbc;

    PayoutMetrics(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        // Stored as a credit (negative); shown as the money held, like the reconciliation report shows it.
        gauge(meters, "fupin.settlement.suspense.balance", "Fen held in suspense", "fen",
                () -> -ledger.balance(AccountType.SUSPENSE, null));
        for (PayoutBatch.Status status : PayoutBatch.Status.values()) {
            String name = status.name();
            Gauge.builder("fupin.settlement.payout.batches", () -> read(() -> jdbc
                            .sql("SELECT COUNT(*) FROM payout_batch WHERE status = ?").param(name).query(Long.class).single()))
                    .description("Payout batches in this status (closed: waiting for approval)")
                    .tag("status", name.toLowerCase()).register(meters);
            Gauge.builder("fupin.settlement.payout.amount", () -> read(() -> jdbc
                            .sql("SELECT COALESCE(SUM(total_fen), 0) FROM payout_batch WHERE status = ?").param(name)
                            .query(Long.class).single()))
                    .description("Fen to households in payout batches of this status").baseUnit("fen")
                    .tag("status", name.toLowerCase()).register(meters);
        }
    }

    private static void gauge(MeterRegistry meters, String name, String description, String unit, Supplier<Number> value) {
        Gauge.builder(name, () -> read(value)).description(description).baseUnit(unit).register(meters);
    }

    /** A scrape while the database is away shows a gap, not a failed scrape. */
    private static Number read(Supplier<Number> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
