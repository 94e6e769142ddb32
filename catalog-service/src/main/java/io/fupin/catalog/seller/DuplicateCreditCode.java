package io.fupin.catalog.seller;

/** Each credit code names one legal entity: it can be registered once. */
public class DuplicateCreditCode extends RuntimeException {

    public DuplicateCreditCode(String code) {
        super("A seller with credit code " + code + " is already registered.");
    }
}
