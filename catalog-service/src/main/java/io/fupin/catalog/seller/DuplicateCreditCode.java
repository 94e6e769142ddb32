package io.fupin.catalog.seller;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.Map;

/** Each credit code names one legal entity: it can be registered once. */
public class DuplicateCreditCode extends Refusal {

    public DuplicateCreditCode(String code) {
        super(ProblemType.DUPLICATE_CREDIT_CODE, "A seller with credit code " + code + " is already registered.");
    }

    /** Names the field, so that a form can mark it. */
    @Override
    protected Map<String, Object> properties() {
        return Map.of("field", "creditCode");
    }
}
