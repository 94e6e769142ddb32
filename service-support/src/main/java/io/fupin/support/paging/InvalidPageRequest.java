package io.fupin.support.paging;

import io.fupin.support.problem.InvalidInput;

/** A page that cannot be served: the offending parameter and why. Answered as a 400 naming it. */
public class InvalidPageRequest extends InvalidInput {

    private final String parameter;

    public InvalidPageRequest(String parameter, String message) {
        super(parameter, message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
