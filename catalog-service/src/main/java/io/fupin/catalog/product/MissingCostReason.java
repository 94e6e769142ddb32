package io.fupin.catalog.product;

import io.fupin.support.problem.InvalidInput;

/** A pass-through cost must say what it pays for (packaging, freight), or settlement cannot justify it. */
public class MissingCostReason extends InvalidInput {

    MissingCostReason() {
        super("costReason", "a costFen above zero needs a costReason (packaging, freight ...)");
    }
}
