package io.fupin.catalog.product;

/** The uploaded file is not a JPEG, PNG or WebP image, whatever its name or declared type say. */
public class UnsupportedPhoto extends RuntimeException {

    UnsupportedPhoto() {
        super("a product photo must be a JPEG, PNG or WebP image (the file's content is checked, not its name)");
    }
}
