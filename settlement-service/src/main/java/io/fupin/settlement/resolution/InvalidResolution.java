package io.fupin.settlement.resolution;

import io.fupin.support.problem.InvalidInput;

/** A field of the request is wrong in a way validation annotations cannot see; answered 400 naming the field. */
public class InvalidResolution extends InvalidInput {

    InvalidResolution(String field, String message) {
        super(field, message);
    }
}
