package io.fupin.order.idempotency;

import java.util.UUID;

/**
 * The id an {@link Idempotent} handler creates under, held by its key: a request interrupted anywhere is resumed
 * with the same id, so the work behind it must be idempotent by that id. {@code fresh} says the key was claimed
 * just now: the id was never handed out before, so nothing can exist under it yet (a resumed request is never fresh).
 */
public record ClaimedId(UUID id, boolean fresh) {

    /**
     * A failure after which the claimed id can never be used again (its reservation was released): the key gives
     * it up, and a retry with the key resumes under a new id instead of the spent one.
     */
    public interface Spender {

        boolean spentClaimedId();
    }
}
