package io.fupin.settlement.payout;

import java.util.List;
import java.util.UUID;

/** The bank's failed lines name households that are not in the batch. */
public class UnknownFailedLines extends RuntimeException {

    public UnknownFailedLines(List<UUID> households) {
        super("Not in this batch: " + households);
    }
}
