package io.fupin.web.storefront;

import java.util.List;
import java.util.UUID;

/**
 * The households sharing in a product, as household-service shows them publicly: masked names, counts by
 * category and village.
 */
public record Beneficiaries(UUID productId, String lotName, int households, int registeredPoor, int marginal,
        List<Share> shares) {

    public record Share(String maskedName, String category, String town, String village, int shares) {
    }
}
