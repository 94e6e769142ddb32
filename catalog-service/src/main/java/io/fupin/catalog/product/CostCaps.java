package io.fupin.catalog.product;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The largest share of the price a product's pass-through cost (packaging, freight, cold chain) may take, per
 * category, in whole percent: whatever the seller declares, households keep the rest. Set with
 * {@code fupin.catalog.cost-cap-percent.<CATEGORY>} (e.g. {@code FUPIN_CATALOG_COSTCAPPERCENT_VEGETABLES=40}).
 */
@ConfigurationProperties("fupin.catalog")
public record CostCaps(Map<ProductCategory, Integer> costCapPercent) {

    /** Dry goods travel cheaply; eggs, fresh vegetables, poultry and meat need cold chain or careful packing. */
    static final Map<ProductCategory, Integer> DEFAULTS = Map.of(ProductCategory.RICE, 25, ProductCategory.MILLET, 25,
            ProductCategory.PEANUTS, 25, ProductCategory.HERBS, 25, ProductCategory.EGGS, 30, ProductCategory.POULTRY, 30,
            ProductCategory.MEAT, 30, ProductCategory.VEGETABLES, 35, ProductCategory.OTHER, 35);

    public CostCaps {
        Map<ProductCategory, Integer> caps = new EnumMap<>(DEFAULTS);
        if (costCapPercent != null) {
            costCapPercent.forEach((category, percent) -> {
                if (percent == null || percent < 0 || percent > 100) {
                    throw new IllegalArgumentException("fupin.catalog.cost-cap-percent." + category
                            + " must be a whole percent from 0 to 100, not " + percent);
                }
                caps.put(category, percent);
            });
        }
        costCapPercent = Map.copyOf(caps);
    }

    int percentFor(ProductCategory category) {
        return costCapPercent.get(category);
    }

    /** Integer arithmetic only: cost × 100 ≤ price × percent. */
    void check(ProductCategory category, long priceFen, long costFen) {
        int percent = percentFor(category);
        if (Math.multiplyExact(costFen, 100L) > Math.multiplyExact(priceFen, (long) percent)) {
            throw new CostAboveCap(category, percent, priceFen, costFen);
        }
    }
}
