package io.fupin.web.storefront;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A product as catalog-service answers it (only the fields the pages use; others are ignored). */
public record Product(UUID id, UUID sellerId, String sellerName, String name, String category, String brand,
        String description, String unit, long priceFen, long costFen, String costReason, int stock, String town,
        String village, Presale presale, Certificate certificate, String status, String statusReason,
        Instant createdAt, String photoUrl) {

    public record Presale(LocalDate deliveryDate, int capacity) {
    }

    public record Certificate(String number, String issuer, LocalDate validFrom, LocalDate validUntil) {
    }

    /** A product without a photo. */
    public Product(UUID id, UUID sellerId, String sellerName, String name, String category, String brand,
            String description, String unit, long priceFen, long costFen, String costReason, int stock, String town,
            String village, Presale presale, Certificate certificate, String status, String statusReason,
            Instant createdAt) {
        this(id, sellerId, sellerName, name, category, brand, description, unit, priceFen, costFen, costReason, stock,
                town, village, presale, certificate, status, statusReason, createdAt, null);
    }

    /** The seller's photo of it, or its category's picture when there is none. */
    public String picture() {
        return Pictures.of(photoUrl, category);
    }

    /** What goes to the households per unit: the price less the declared pass-through costs. */
    public long householdsFen() {
        return priceFen - costFen;
    }

    public boolean onSale() {
        return "ON_SALE".equals(status);
    }

    public boolean soldOut() {
        return stock <= 0;
    }

    /** On sale, in stock and certified today: what the cart accepts. */
    public boolean buyable(LocalDate today) {
        return onSale() && !soldOut() && certificateValidOn(today);
    }

    public boolean certificateValidOn(LocalDate day) {
        return certificate != null && !day.isBefore(certificate.validFrom()) && !day.isAfter(certificate.validUntil());
    }

    /** VALID, REVOKED, EXPIRED, SUSPENDED or NONE: what a trace page shows first. */
    public String certificateState(LocalDate today) {
        if ("REVOKED".equals(status)) {
            return "REVOKED";
        }
        if (certificate == null) {
            return "NONE";
        }
        if ("CERTIFICATION_EXPIRED".equals(status) || today.isAfter(certificate.validUntil())) {
            return "EXPIRED";
        }
        if ("SUSPENDED".equals(status)) {
            return "SUSPENDED";
        }
        return certificateValidOn(today) ? "VALID" : "NONE";
    }
}
