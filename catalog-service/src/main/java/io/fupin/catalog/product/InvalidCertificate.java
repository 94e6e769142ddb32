package io.fupin.catalog.product;

import io.fupin.support.problem.InvalidInput;

/** A certificate whose dates do not make sense; names the offending field. */
public class InvalidCertificate extends InvalidInput {

    InvalidCertificate(String field, String message) {
        super(field, message);
    }
}
