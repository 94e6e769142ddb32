package io.fupin.household.agreement;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such purchase agreement (or the caller may not know of it). */
public class AgreementNotFound extends Refusal {

    public AgreementNotFound(AgreementId agreementId) {
        super(ProblemType.NOT_FOUND, "No purchase agreement " + agreementId.value() + ".");
    }
}
