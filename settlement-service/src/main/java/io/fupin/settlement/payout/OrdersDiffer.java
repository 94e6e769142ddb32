package io.fupin.settlement.payout;

import java.util.List;

/** A period cannot close: order-service and settlement disagree on what some orders paid or refunded. */
public class OrdersDiffer extends RuntimeException {

    private final List<ReconciliationReport.OrderMismatch> mismatches;

    OrdersDiffer(List<ReconciliationReport.OrderMismatch> mismatches) {
        super(mismatches.size() + " figure(s) of " + mismatches.stream().map(ReconciliationReport.OrderMismatch::orderId)
                .distinct().count() + " order(s) differ between order-service and settlement: "
                + mismatches.stream().limit(20).map(m -> m.orderId() + " " + m.figure() + " on " + m.day()
                        + " (order-service " + m.orderServiceFen() + " fen, settlement " + m.settlementFen() + " fen)")
                        .toList()
                + ". The period closes once they agree.");
        this.mismatches = List.copyOf(mismatches);
    }

    public List<ReconciliationReport.OrderMismatch> mismatches() {
        return mismatches;
    }
}
