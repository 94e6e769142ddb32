package io.fupin.household.linkage;

import io.fupin.household.registry.SellerHouseholds;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The households in any version of a linkage of the seller's products. */
@Component
class LinkedHouseholds implements SellerHouseholds {

    private final JdbcClient jdbc;

    LinkedHouseholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> linkedTo(UUID sellerId) {
        return jdbc.sql("""
                SELECT DISTINCT s.household_id FROM benefit_linkage l
                JOIN benefit_linkage_share s ON s.linkage_id = l.id WHERE l.seller_id = ?""")
                .param(sellerId.toString()).query(String.class).list().stream().map(UUID::fromString)
                .collect(Collectors.toSet());
    }

    @Override
    public boolean isLinked(UUID sellerId, UUID householdId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM benefit_linkage l JOIN benefit_linkage_share s ON s.linkage_id = l.id
                WHERE l.seller_id = ? AND s.household_id = ?""")
                .params(sellerId.toString(), householdId.toString()).query(Long.class).single() > 0;
    }
}
