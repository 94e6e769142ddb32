package io.fupin.settlement.resolution;

/** The line, household or write-off is not in a state that allows this; nothing was changed. */
public class ResolutionRefused extends RuntimeException {

    private final String reason;

    ResolutionRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A stable, machine-readable name of the refusal, e.g. {@code own-approval}. */
    public String reason() {
        return reason;
    }
}
