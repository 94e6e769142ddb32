package io.fupin.settlement.payout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.List;
import java.util.Map;

/** A period cannot close: order-service and settlement disagree on what some orders paid or refunded. */
public class OrdersDiffer extends Refusal {

    private final List<ReconciliationReport.OrderMismatch> mismatches;

    OrdersDiffer(List<ReconciliationReport.OrderMismatch> mismatches) {
        super(ProblemType.ORDERS_DIFFER, mismatches.size() + " figure(s) of " + mismatches.stream().map(ReconciliationReport.OrderMismatch::orderId)
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

    /** Names every differing figure: day, order, order-service's and settlement's amounts and the difference. */
    @Override
    protected Map<String, Object> properties() {
        return Map.of("mismatches", mismatches);
    }
}
