package io.fupin.settlement.trace;

import java.time.Instant;
import java.util.List;

/**
 * One order line as a public trace page shows it. {@code netFen} is what the line brought the households (units
 * still sold × (price − declared cost)); the parts in {@code shares} plus {@code suspenseFen} add up to it, to the
 * fen. The parts are held until {@code completedAt}, payable after it; {@code stages} says how much of them is
 * held, payable, in a payout batch and paid out now.
 */
public record LineTrace(int quantity, int refundedQuantity, long unitPriceFen, long unitCostFen, long grossFen,
        long costFen, long netFen, long suspenseFen, Instant paidAt, Instant completedAt, Stages stages,
        List<Share> shares) {

    public record Stages(long heldFen, long payableFen, long inPayoutFen, long paidOutFen) {
    }

    /** A household's part of the line: the head's surname only, never an id or number. */
    public record Share(String maskedName, String category, String town, String village, long amountFen) {
    }
}
