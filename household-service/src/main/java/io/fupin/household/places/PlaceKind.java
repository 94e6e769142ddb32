package io.fupin.household.places;

/** Levels of the hierarchy; each kind's parent is the kind before it. */
public enum PlaceKind {
    DISTRICT, TOWN, VILLAGE;

    PlaceKind parentKind() {
        return this == DISTRICT ? null : values()[ordinal() - 1];
    }
}
