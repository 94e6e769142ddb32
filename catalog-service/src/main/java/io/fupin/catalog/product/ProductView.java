package io.fupin.catalog.product;

import io.fupin.catalog.seller.SellerId;
import java.time.Instant;

/**
 * A product as answered over HTTP. {@code stock} is the live figure; {@code photoUrl} is where its uploaded photo
 * is served, or {@code null} when it has none (pages show its category's picture).
 */
public record ProductView(ProductId id, SellerId sellerId, String sellerName, String name, ProductCategory category, String brand,
        String description, String unit, long priceFen, long costFen, String costReason, int priceVersion, int stock,
        String town, String village, Presale presale, Certificate certificate, ProductStatus status,
        String statusReason, Instant createdAt, Instant changedAt, String photoUrl) {

    static ProductView of(Product p, int stock, String photoUrl) {
        return new ProductView(p.id(), p.sellerId(), p.sellerName(), p.name(), p.category(), p.brand(), p.description(),
                p.unit(), p.priceFen(), p.costFen(), p.costReason(), p.priceVersion(), stock, p.town(), p.village(),
                p.presale(), p.certificate(), p.status(), p.statusReason(), p.createdAt(), p.changedAt(), photoUrl);
    }
}
