package io.fupin.household.registry;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Pages of the register in registration order, filtered in the database: in these villages and among these
 * households ({@code null} for no limit, empty for none), of this category ({@code null} for any).
 */
interface HouseholdSearch {

    List<Household> page(Collection<UUID> villageIds, Collection<UUID> ids, HouseholdCategory category, long offset,
            int size);

    long count(Collection<UUID> villageIds, Collection<UUID> ids, HouseholdCategory category);
}
