package io.fupin.household.registry;

import io.fupin.support.crypto.KeyRing.UnreadableValue;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/**
 * A stored personal number that the configured keys do not open for its household: the wrong key, a value
 * copied from another row or field, or tampering. Answered as a clear error naming the household and the field,
 * never as a wrong number.
 */
public class UnreadablePersonalData extends Refusal {

    UnreadablePersonalData(UUID householdId, PersonalDataCipher.Field field, UnreadableValue cause) {
        super(ProblemType.UNREADABLE_PERSONAL_DATA, "The stored " + field.column() + " number of household "
                + householdId + " cannot be read: it was not sealed for this household under a configured key (wrong "
                + "key, copied from another row, or tampered). Nothing was changed.", cause);
    }
}
