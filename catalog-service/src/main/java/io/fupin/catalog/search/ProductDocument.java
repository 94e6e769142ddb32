package io.fupin.catalog.search;

import io.fupin.catalog.product.ChineseScript;
import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.product.ProductEvent;
import io.fupin.catalog.product.ProductId;
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
 * A product as the search index holds it: the fields shown, as the seller wrote them, and under {@code search}
 * what queries match, computed here in Java because the cluster has no Chinese, script or pinyin analysis.
 */
record ProductDocument(ProductId id, UUID sellerId, String sellerName, String name, ProductCategory category, String brand,
        String description, String unit, long priceFen, int stock, String town, String village, ProductStatus status,
        String certificateNumber, LocalDate certificateValidUntil, LocalDate presaleDeliveryDate, Instant createdAt,
        Instant changedAt, long revision, Searchable search) {

    /**
     * The text fields in simplified characters (a product labelled 雞蛋 is found by 鸡蛋 and by 雞蛋, whose query is
     * simplified too); {@code town} the filter and facet key; {@code pinyin} every run of syllables of the name and
     * brand, in full and as initials; {@code placePinyin} the full syllables of the seller, town and village;
     * {@code quantities} the pack sizes the unit states, written as {@link ShopperText} writes a query's.
     */
    record Searchable(String name, String brand, String seller, String place, String category, String description,
            String town, List<String> pinyin, List<String> placePinyin, List<String> quantities) {
    }

    static ProductDocument of(ProductEventMessage.Product p) {
        Set<String> pinyin = new LinkedHashSet<>(ProductPinyin.terms(p.name()));
        pinyin.addAll(ProductPinyin.terms(p.brand()));
        Set<String> placePinyin = new LinkedHashSet<>(ProductPinyin.fullTerms(p.sellerName()));
        placePinyin.addAll(ProductPinyin.fullTerms(p.town()));
        placePinyin.addAll(ProductPinyin.fullTerms(p.village()));
        String place = String.join(" ", nonBlank(p.town(), p.village()));
        Searchable search = new Searchable(ChineseScript.simplified(p.name()), ChineseScript.simplified(p.brand()),
                ChineseScript.simplified(p.sellerName()), ChineseScript.simplified(place),
                p.category() == null ? null : p.category().displayName(), ChineseScript.simplified(p.description()),
                ChineseScript.simplified(p.town()), new ArrayList<>(pinyin), new ArrayList<>(placePinyin),
                ShopperText.quantitiesIn(p.unit(), p.name()));
        return new ProductDocument(p.productId(), p.sellerId(), p.sellerName(), p.name(), p.category(), p.brand(),
                p.description(), p.unit(), p.priceFen(), p.stock(), p.town(), p.village(), p.status(),
                p.certificate() == null ? null : p.certificate().number(),
                p.certificate() == null ? null : p.certificate().validUntil(),
                p.presale() == null ? null : p.presale().deliveryDate(), p.createdAt(), p.changedAt(), p.revision(),
                search);
    }

    /** From the catalog's own read model, for a full reindex and for the database fallback. */
    static ProductDocument of(ProductEvent.State s) {
        return of(new ProductEventMessage.Product(s.productId(), s.sellerId().value(), s.sellerName(), s.name(), s.category(),
                s.brand(), s.description(), s.unit(), s.priceFen(), s.stock(), s.town(), s.village(), s.status(),
                s.certificate() == null ? null
                        : new ProductEventMessage.Certificate(s.certificate().number(), s.certificate().validUntil()),
                s.presale() == null ? null : new ProductEventMessage.Presale(s.presale().deliveryDate()),
                s.createdAt(), s.changedAt(), s.revision()));
    }

    SearchItem item() {
        return new SearchItem(id, sellerId, sellerName, name, category, brand, unit, priceFen, stock, town, village,
                certificateNumber, certificateValidUntil, presaleDeliveryDate, createdAt, null);
    }

    private static List<String> nonBlank(String... texts) {
        List<String> kept = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                kept.add(text.strip());
            }
        }
        return kept;
    }
}
