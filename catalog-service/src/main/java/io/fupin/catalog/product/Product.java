package io.fupin.catalog.product;

import io.fupin.catalog.seller.SellerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product a seller offers, with its certification lifecycle. Stock is written only when the product is
 * first saved: afterwards reservations move it with conditional UPDATEs, so that saving this aggregate
 * (a price change, a suspension) can never overwrite a concurrent sale.
 */
@Table("product")
public class Product {

    private static final Set<ProductStatus> MAY_REQUEST_CERTIFICATION = EnumSet.of(ProductStatus.DRAFT,
            ProductStatus.CERTIFICATION_REJECTED, ProductStatus.CERTIFICATION_EXPIRED);

    @Id
    private final ProductId id;
    private final SellerId sellerId;
    private final String sellerName;
    private String name;
    private ProductCategory category;
    private String brand;
    private String description;
    private String unit;
    private long priceFen;
    private long costFen;
    private String costReason;
    private int priceVersion;
    @InsertOnlyProperty
    private final int stock;
    @InsertOnlyProperty
    private final Integer publishedStock;
    private final String town;
    private String village;
    private String pinyin;
    @Column("presale_delivery_date")
    private LocalDate presaleDeliveryDate;
    @Column("presale_capacity")
    private Integer presaleCapacity;
    private String certificateNumber;
    private String certificateIssuer;
    private LocalDate certificateValidFrom;
    private LocalDate certificateValidUntil;
    private ProductStatus status;
    private String statusReason;
    private final Instant createdAt;
    private Instant changedAt;
    @Version
    private Long version;

    Product(ProductId id, SellerId sellerId, String sellerName, String name, ProductCategory category, String brand,
            String description, String unit, long priceFen, long costFen, String costReason, int priceVersion, int stock,
            Integer publishedStock, String town, String village, String pinyin, LocalDate presaleDeliveryDate,
            Integer presaleCapacity, String certificateNumber, String certificateIssuer, LocalDate certificateValidFrom,
            LocalDate certificateValidUntil, ProductStatus status, String statusReason, Instant createdAt,
            Instant changedAt, Long version) {
        this.id = id;
        this.sellerId = sellerId;
        this.sellerName = sellerName;
        this.name = name;
        this.category = category;
        this.brand = brand;
        this.description = description;
        this.unit = unit;
        this.priceFen = priceFen;
        this.costFen = costFen;
        this.costReason = costReason;
        this.priceVersion = priceVersion;
        this.stock = stock;
        this.publishedStock = publishedStock;
        this.town = town;
        this.village = village;
        this.pinyin = pinyin;
        this.presaleDeliveryDate = presaleDeliveryDate;
        this.presaleCapacity = presaleCapacity;
        this.certificateNumber = certificateNumber;
        this.certificateIssuer = certificateIssuer;
        this.certificateValidFrom = certificateValidFrom;
        this.certificateValidUntil = certificateValidUntil;
        this.status = status;
        this.statusReason = statusReason;
        this.createdAt = createdAt;
        this.changedAt = changedAt;
        this.version = version;
    }

    /** A new product starts as a draft: nobody can find or buy it before an official certifies it. */
    static Product draft(SellerId sellerId, String sellerName, String town, Details details, Pricing pricing, int stock,
            Instant now) {
        pricing.check();
        Product product = new Product(new ProductId(UUID.randomUUID()), sellerId, sellerName, null, null, null, null, null,
                pricing.priceFen(), pricing.costFen(), pricing.costReason(), 1, stock, stock, town, null, null, null,
                null, null, null, null, null, ProductStatus.DRAFT, null, now, now, null);
        product.describe(details, now);
        return product;
    }

    /** Name, category, brand, description, unit, origin village and presale terms. */
    void describe(Details details, Instant now) {
        requireNot(EnumSet.of(ProductStatus.REVOKED, ProductStatus.DELISTED), "changed");
        this.name = details.name();
        this.category = details.category();
        this.brand = details.brand();
        this.description = details.description();
        this.unit = details.unit();
        this.village = details.village();
        this.pinyin = ProductPinyin.of(details.name(), details.brand());
        this.presaleDeliveryDate = details.presale() == null ? null : details.presale().deliveryDate();
        this.presaleCapacity = details.presale() == null ? null : details.presale().capacity();
        this.changedAt = now;
    }

    /** A new price version; reservations already made keep the version they were made at. */
    void reprice(Pricing pricing, Instant now) {
        requireNot(EnumSet.of(ProductStatus.REVOKED, ProductStatus.DELISTED), "repriced");
        pricing.check();
        this.priceFen = pricing.priceFen();
        this.costFen = pricing.costFen();
        this.costReason = pricing.costReason();
        this.priceVersion = Math.addExact(priceVersion, 1);
        this.changedAt = now;
    }

    void requestCertification(Certificate certificate, LocalDate today, Instant now) {
        if (!MAY_REQUEST_CERTIFICATION.contains(status)) {
            throw new IllegalTransition(id, status, "request certification for");
        }
        if (certificate.validUntil().isBefore(certificate.validFrom())) {
            throw new InvalidCertificate("validUntil", "must not be before validFrom");
        }
        if (certificate.validUntil().isBefore(today)) {
            throw new InvalidCertificate("validUntil", "the certificate has already expired");
        }
        this.certificateNumber = certificate.number();
        this.certificateIssuer = certificate.issuer();
        this.certificateValidFrom = certificate.validFrom();
        this.certificateValidUntil = certificate.validUntil();
        transition(ProductStatus.CERTIFICATION_REQUESTED, null, now);
    }

    void approveCertification(LocalDate today, Instant now) {
        require(ProductStatus.CERTIFICATION_REQUESTED, "approve the certification of");
        if (!certificate().validOn(today)) {
            throw new IllegalTransition(id, status, "certify (the certificate is not valid today) ");
        }
        transition(ProductStatus.ON_SALE, null, now);
    }

    void rejectCertification(String reason, Instant now) {
        require(ProductStatus.CERTIFICATION_REQUESTED, "reject the certification of");
        transition(ProductStatus.CERTIFICATION_REJECTED, reason, now);
    }

    void suspend(String reason, Instant now) {
        require(ProductStatus.ON_SALE, "suspend");
        transition(ProductStatus.SUSPENDED, reason, now);
    }

    /** Back on sale after a suspension, if the certificate is still valid. */
    void reinstate(LocalDate today, Instant now) {
        require(ProductStatus.SUSPENDED, "reinstate");
        if (!certificate().validOn(today)) {
            throw new IllegalTransition(id, status, "reinstate (the certificate is not valid today) ");
        }
        transition(ProductStatus.ON_SALE, null, now);
    }

    void revokeCertification(String reason, Instant now) {
        if (status != ProductStatus.ON_SALE && status != ProductStatus.SUSPENDED) {
            throw new IllegalTransition(id, status, "revoke the certification of");
        }
        transition(ProductStatus.REVOKED, reason, now);
    }

    /** @return whether the certificate had expired and the product was taken off sale now */
    boolean expireCertificate(LocalDate today, Instant now) {
        if ((status == ProductStatus.ON_SALE || status == ProductStatus.SUSPENDED)
                && certificateValidUntil != null && certificateValidUntil.isBefore(today)) {
            transition(ProductStatus.CERTIFICATION_EXPIRED, "certificate expired on " + certificateValidUntil, now);
            return true;
        }
        return false;
    }

    void delist(Instant now) {
        requireNot(EnumSet.of(ProductStatus.DELISTED), "delist");
        transition(ProductStatus.DELISTED, null, now);
    }

    private void transition(ProductStatus to, String reason, Instant now) {
        this.status = to;
        this.statusReason = reason;
        this.changedAt = now;
    }

    private void require(ProductStatus expected, String action) {
        if (status != expected) {
            throw new IllegalTransition(id, status, action);
        }
    }

    private void requireNot(Set<ProductStatus> forbidden, String action) {
        if (forbidden.contains(status)) {
            throw new IllegalTransition(id, status, action);
        }
    }

    public ProductId id() {
        return id;
    }

    public SellerId sellerId() {
        return sellerId;
    }

    public String sellerName() {
        return sellerName;
    }

    public String name() {
        return name;
    }

    public ProductCategory category() {
        return category;
    }

    public String brand() {
        return brand;
    }

    public String description() {
        return description;
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

    public String costReason() {
        return costReason;
    }

    public int priceVersion() {
        return priceVersion;
    }

    /** The stock when this aggregate was loaded; the live figure moves under reservations. */
    public int stock() {
        return stock;
    }

    public String town() {
        return town;
    }

    public String village() {
        return village;
    }

    public String pinyin() {
        return pinyin;
    }

    public Presale presale() {
        return presaleDeliveryDate == null ? null : new Presale(presaleDeliveryDate, presaleCapacity);
    }

    public Certificate certificate() {
        return certificateNumber == null ? null
                : new Certificate(certificateNumber, certificateIssuer, certificateValidFrom, certificateValidUntil);
    }

    /** Certified by an official and not withdrawn: a raise of its cost waits for an official again. */
    boolean certified() {
        return status == ProductStatus.ON_SALE || status == ProductStatus.SUSPENDED
                || status == ProductStatus.CERTIFICATION_EXPIRED;
    }

    public ProductStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    /** What a seller describes about a product. */
    record Details(String name, ProductCategory category, String brand, String description, String unit, String village,
            Presale presale) {
    }

    /** Price, declared pass-through cost and the reason for that cost. */
    record Pricing(long priceFen, long costFen, String costReason) {
        void check() {
            if (priceFen <= 0) {
                throw new IllegalArgumentException("priceFen must be positive");
            }
            if (costFen < 0 || costFen > priceFen) {
                throw new CostAbovePrice(costFen, priceFen);
            }
            if (costFen > 0 && (costReason == null || costReason.isBlank())) {
                throw new MissingCostReason();
            }
        }
    }
}
