package io.fupin.household.places;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such place. */
public class PlaceNotFound extends Refusal {

    public PlaceNotFound(UUID placeId) {
        super(ProblemType.NOT_FOUND, "No place " + placeId + ".");
    }
}
