package io.fupin.settlement.payout;

import io.fupin.support.problem.InvalidInput;
import java.util.List;
import java.util.UUID;

/** The bank's failed lines name households that are not in the batch. */
public class UnknownFailedLines extends InvalidInput {

    UnknownFailedLines(List<UUID> households) {
        super("failedHouseholdIds", "Not in this batch: " + households);
    }
}
