package io.fupin.catalog.product;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product a seller offers. Stock is never changed through this aggregate: reservations decrement it
 * with one conditional UPDATE so that concurrent buyers can never take it below zero.
 */
@Table("product")
public class Product {

    @Id
    private final UUID id;
    private final UUID sellerId;
    private String name;
    private ProductCategory category;
    private String unit;
    private long priceFen;
    private long costFen;
    private int stock;
    private ProductStatus status;
    private final Instant createdAt;
    @Version
    private Long version;

    Product(UUID id, UUID sellerId, String name, ProductCategory category, String unit, long priceFen, long costFen,
            int stock, ProductStatus status, Instant createdAt, Long version) {
        this.id = id;
        this.sellerId = sellerId;
        this.name = name;
        this.category = category;
        this.unit = unit;
        this.priceFen = priceFen;
        this.costFen = costFen;
        this.stock = stock;
        this.status = status;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Product list(UUID sellerId, String name, ProductCategory category, String unit, long priceFen,
            long costFen, int stock, Instant now) {
        if (priceFen <= 0) {
            throw new IllegalArgumentException("priceFen must be positive");
        }
        if (costFen < 0 || costFen > priceFen) {
            throw new CostAbovePrice(costFen, priceFen);
        }
        return new Product(UUID.randomUUID(), sellerId, name, category, unit, priceFen, costFen, stock,
                ProductStatus.ON_SALE, now, null);
    }

    public UUID id() {
        return id;
    }

    public UUID sellerId() {
        return sellerId;
    }

    public String name() {
        return name;
    }

    public ProductCategory category() {
        return category;
    }

    public String unit() {
        return unit;
    }

    public long priceFen() {
        return priceFen;
    }

    public long costFen() {
        return costFen;
    }

    public int stock() {
        return stock;
    }

    public ProductStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The declared pass-through cost may never exceed the price: the difference belongs to households. */
    public static class CostAbovePrice extends RuntimeException {
        CostAbovePrice(long costFen, long priceFen) {
            super("costFen " + costFen + " exceeds priceFen " + priceFen);
        }
    }
}
