package io.fupin.household.places;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A place of that name already sits under the same parent. */
public class PlaceExists extends Refusal {

    public PlaceExists(String name) {
        super(ProblemType.PLACE_EXISTS, "There is already a place called " + name + " here.");
    }
}
