package io.fupin.order.payment;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** More would go back than the payment took: the decision is refused as a whole. */
public class RefundExceedsPayment extends Refusal {

    RefundExceedsPayment(UUID paymentId, long paid, long already, long amount) {
        super(ProblemType.REFUND_EXCEEDS_PAYMENT, "Payment " + paymentId + " took " + paid + " fen, " + already
                + " fen of it are refunded already; " + amount + " fen more would exceed it.");
    }
}
