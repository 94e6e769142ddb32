package io.fupin.household.registry;

import java.util.Set;
import java.util.UUID;

/**
 * Which households a seller may see: those linked to its own products. The linkages know it; the register
 * asks through this port, so that it does not depend on them.
 */
public interface SellerHouseholds {

    Set<UUID> linkedTo(UUID sellerId);

    boolean isLinked(UUID sellerId, UUID householdId);
}
