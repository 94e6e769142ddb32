package io.fupin.household.places;

import java.util.UUID;

/** A village with the names of the town and district above it, as households and reports show it. */
public record VillageRef(UUID villageId, String villageName, UUID townId, String townName, UUID districtId,
        String districtName) {
}
