package io.fupin.support.paging;

/** A page that cannot be served: the offending parameter and why. Answered as a 400 naming it. */
public class InvalidPageRequest extends RuntimeException {

    private final String parameter;

    public InvalidPageRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
