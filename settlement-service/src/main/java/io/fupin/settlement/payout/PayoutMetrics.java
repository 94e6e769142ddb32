package io.fupin.settlement.payout;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the money: the suspense balance (paid net without a linkage, or refunds nobody
 * could be matched to) and the payout batches per status, with their totals; a batch {@code closed} waits for a
 * checker's approval. Each figure is read from the ledger and the batches when Prometheus scrapes.
 */
@Component
class PayoutMetrics implements MeterBinder {

    private final Ledger ledger;
    private final PayoutBatches batches;

    PayoutMetrics(Ledger ledger, PayoutBatches batches) {
        this.ledger = ledger;
        this.batches = batches;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        // Stored as a credit (negative); shown as the money held, like the reconciliation report shows it.
        gauge(meters, "fupin.settlement.suspense.balance", "Fen held in suspense", "fen",
                () -> -ledger.balance(AccountType.SUSPENSE, null));
        for (PayoutBatch.Status status : PayoutBatch.Status.values()) {
            String name = status.name().toLowerCase();
            Gauge.builder("fupin.settlement.payout.batches", () -> read(() -> batches.countByStatus(status)))
                    .description("Payout batches in this status (closed: waiting for approval)")
                    .tag("status", name).register(meters);
            Gauge.builder("fupin.settlement.payout.amount", () -> read(() -> batches.totalFenByStatus(status)))
                    .description("Fen to households in payout batches of this status").baseUnit("fen")
                    .tag("status", name).register(meters);
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
