package io.fupin.catalog.seller;

public enum SellerKind {
    COOPERATIVE, ENTERPRISE, VILLAGE_COLLECTIVE
}
