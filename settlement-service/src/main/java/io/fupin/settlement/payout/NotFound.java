package io.fupin.settlement.payout;

/** No such period or batch. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
