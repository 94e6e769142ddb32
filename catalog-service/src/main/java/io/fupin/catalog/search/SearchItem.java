package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.product.ProductEvent;
import io.fupin.catalog.product.ProductId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One product in a search answer; the full product is at {@code /api/catalog/products/{id}}. {@code photoUrl} is
 * where its uploaded photo is served, or {@code null} when it has none.
 */
public record SearchItem(ProductId id, UUID sellerId, String sellerName, String name, ProductCategory category, String brand,
        String unit, long priceFen, int stock, String town, String village, String certificateNumber,
        LocalDate certificateValidUntil, LocalDate presaleDeliveryDate, Instant createdAt, String photoUrl) {

    static SearchItem of(ProductEvent.State s) {
        return new SearchItem(s.productId(), s.sellerId().value(), s.sellerName(), s.name(), s.category(), s.brand(), s.unit(),
                s.priceFen(), s.stock(), s.town(), s.village(),
                s.certificate() == null ? null : s.certificate().number(),
                s.certificate() == null ? null : s.certificate().validUntil(),
                s.presale() == null ? null : s.presale().deliveryDate(), s.createdAt(), null);
    }

    SearchItem withPhotoUrl(String url) {
        return new SearchItem(id, sellerId, sellerName, name, category, brand, unit, priceFen, stock, town, village,
                certificateNumber, certificateValidUntil, presaleDeliveryDate, createdAt, url);
    }
}
