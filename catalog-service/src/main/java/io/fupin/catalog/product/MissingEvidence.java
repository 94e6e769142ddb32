package io.fupin.catalog.product;

import io.fupin.support.problem.InvalidInput;

/** Raising a certified product's cost needs something an official can check (invoice, freight contract). */
public class MissingEvidence extends InvalidInput {

    public MissingEvidence() {
        super("evidence",
                "raising the cost of a certified product needs evidence an official can check "
                        + "(invoice, freight contract ...)");
    }
}
