package io.fupin.web.trace;

import java.time.Instant;
import java.util.List;

/** settlement-service's public view of one order line's money. */
public record LineTrace(int quantity, int refundedQuantity, long unitPriceFen, long unitCostFen, long grossFen,
        long costFen, long netFen, long suspenseFen, Instant paidAt, Instant completedAt, Stages stages,
        List<Share> shares) {

    /** How much of the households' parts is held, payable, in a payout batch and paid out now. */
    public record Stages(long heldFen, long payableFen, long inPayoutFen, long paidOutFen) {
    }

    public record Share(String maskedName, String category, String town, String village, long amountFen) {
    }

    public boolean completed() {
        return completedAt != null;
    }

    /** The households' parts and what waits in suspense: equal to {@link #netFen()} when the ledger agrees. */
    public long shownFen() {
        return shares.stream().mapToLong(Share::amountFen).reduce(suspenseFen, Math::addExact);
    }
}
