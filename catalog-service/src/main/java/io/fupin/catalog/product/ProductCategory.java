package io.fupin.catalog.product;

/** What a product is, with the name shoppers see (simplified Chinese) in facets and pages. */
public enum ProductCategory {
    RICE("大米"),
    PEANUTS("花生"),
    EGGS("禽蛋"),
    MILLET("小米杂粮"),
    VEGETABLES("蔬菜"),
    POULTRY("禽类"),
    MEAT("肉类"),
    HERBS("中药材"),
    OTHER("其他");

    private final String displayName;

    ProductCategory(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
