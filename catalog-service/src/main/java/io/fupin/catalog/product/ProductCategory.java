package io.fupin.catalog.product;

public enum ProductCategory {
    RICE, PEANUTS, EGGS, MILLET, VEGETABLES, POULTRY, MEAT, HERBS, OTHER
}
