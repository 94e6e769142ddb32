package io.fupin.settlement.payout;

/** The batch or period is not in a state that allows this; nothing was changed. */
public class BatchConflict extends RuntimeException {

    private final String reason;

    public BatchConflict(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A stable, machine-readable name of the conflict, e.g. {@code own-approval}. */
    public String reason() {
        return reason;
    }
}
