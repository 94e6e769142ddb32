package io.fupin.household.linkage;

import io.fupin.household.registry.SellerHouseholds;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The households in any version of a linkage of the seller's products. */
@Component
class LinkedHouseholds implements SellerHouseholds {

    private final Linkages linkages;

    LinkedHouseholds(Linkages linkages) {
        this.linkages = linkages;
    }

    @Override
    public Set<UUID> linkedTo(UUID sellerId) {
        return new HashSet<>(linkages.householdsLinkedTo(sellerId));
    }

    @Override
    public boolean isLinked(UUID sellerId, UUID householdId) {
        return linkages.isLinked(sellerId, householdId);
    }
}
