package io.fupin.order.idempotency;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** An Idempotency-Key first used with a different request. */
public class KeyReusedWithAnotherRequest extends Refusal {

    public KeyReusedWithAnotherRequest(String key) {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key + "' was already used with a different request.");
    }
}
