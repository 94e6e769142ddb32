package io.fupin.catalog.product;

import io.fupin.support.problem.InvalidInput;

/** The uploaded image is of an accepted kind but cannot be used: empty, cut short or too many pixels. */
public class InvalidPhoto extends InvalidInput {

    InvalidPhoto(String message) {
        super("file", message);
    }
}
