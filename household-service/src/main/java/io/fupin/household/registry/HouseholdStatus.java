package io.fupin.household.registry;

/** ACTIVE households take part in linkages; LIFTED ones are out of poverty but still tracked; DEREGISTERED left the register. */
public enum HouseholdStatus {
    ACTIVE, LIFTED, DEREGISTERED
}
