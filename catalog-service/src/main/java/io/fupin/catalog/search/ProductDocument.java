package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.product.ProductEvent;
import io.fupin.catalog.product.ProductPinyin;
import io.fupin.catalog.product.ProductStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A product as the search index holds it. {@code pinyin} holds every run of syllables of the name and brand,
 * in full and as initials, computed here in Java because the cluster has no pinyin analyzer.
 */
record ProductDocument(UUID id, UUID sellerId, String sellerName, String name, ProductCategory category, String brand,
        String description, String unit, long priceFen, int stock, String town, String village, ProductStatus status,
        String certificateNumber, LocalDate certificateValidUntil, LocalDate presaleDeliveryDate, Instant createdAt,
        Instant changedAt, long revision, List<String> pinyin) {

    static ProductDocument of(ProductEventMessage.Product p) {
        Set<String> pinyin = new LinkedHashSet<>(ProductPinyin.terms(p.name()));
        pinyin.addAll(ProductPinyin.terms(p.brand()));
        return new ProductDocument(p.productId(), p.sellerId(), p.sellerName(), p.name(), p.category(), p.brand(),
                p.description(), p.unit(), p.priceFen(), p.stock(), p.town(), p.village(), p.status(),
                p.certificate() == null ? null : p.certificate().number(),
                p.certificate() == null ? null : p.certificate().validUntil(),
                p.presale() == null ? null : p.presale().deliveryDate(), p.createdAt(), p.changedAt(), p.revision(),
                new ArrayList<>(pinyin));
    }

    /** From the catalog's own read model, for a full reindex and for the database fallback. */
    static ProductDocument of(ProductEvent.State s) {
        return of(new ProductEventMessage.Product(s.productId(), s.sellerId(), s.sellerName(), s.name(), s.category(),
                s.brand(), s.description(), s.unit(), s.priceFen(), s.stock(), s.town(), s.village(), s.status(),
                s.certificate() == null ? null
                        : new ProductEventMessage.Certificate(s.certificate().number(), s.certificate().validUntil()),
                s.presale() == null ? null : new ProductEventMessage.Presale(s.presale().deliveryDate()),
                s.createdAt(), s.changedAt(), s.revision()));
    }

    SearchItem item() {
        return new SearchItem(id, sellerId, sellerName, name, category, brand, unit, priceFen, stock, town, village,
                certificateNumber, certificateValidUntil, presaleDeliveryDate, createdAt);
    }
}
