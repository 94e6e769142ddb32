package io.fupin.catalog.product;

/** Raising a certified product's cost needs something an official can check (invoice, freight contract). */
public class MissingEvidence extends RuntimeException {

    public MissingEvidence() {
        super("raising the cost of a certified product needs evidence an official can check (invoice, freight contract ...)");
    }
}
