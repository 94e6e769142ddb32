package io.fupin.settlement.resolution;

/** A field of the request is wrong in a way validation annotations cannot see; answered 400 naming the field. */
public class InvalidResolution extends RuntimeException {

    private final String field;

    InvalidResolution(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
