package io.fupin.catalog.product;

/** The uploaded image is of an accepted kind but cannot be used: empty, cut short or too many pixels. */
public class InvalidPhoto extends RuntimeException {

    InvalidPhoto(String message) {
        super(message);
    }
}
