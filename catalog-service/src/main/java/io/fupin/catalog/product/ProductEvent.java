package io.fupin.catalog.product;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The envelope of every event on {@code catalog-service.product-events.v1}, keyed by product id so that
 * one product's events stay in order. Written to the outbox in the transaction that changes the product.
 * The payload is always the product as it now stands (docs/events.md).
 */
@Externalized("catalog-service.product-events.v1::#{#this.aggregateId()}")
public record ProductEvent(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        State payload) {

    public static final String TOPIC = "catalog-service.product-events.v1";

    static ProductEvent of(String eventType, State state, Instant occurredAt) {
        return new ProductEvent(UUID.randomUUID(), eventType, 1, occurredAt, state.productId().toString(), state);
    }

    /**
     * The product as it stands. {@code revision} (added to the documented fields) grows with every change,
     * so that a consumer can ignore an older state that arrives late.
     */
    public record State(UUID productId, UUID sellerId, String sellerName, String name, ProductCategory category,
            String brand, String description, String unit, long priceFen, long costFen, String costReason, int stock,
            String town, String village, ProductStatus status, CertificateState certificate, PresaleState presale,
            int priceVersion, Instant changedAt, long revision, Instant createdAt) {

        static State of(Product p, int stock) {
            Certificate c = p.certificate();
            Presale presale = p.presale();
            return new State(p.id(), p.sellerId(), p.sellerName(), p.name(), p.category(), p.brand(), p.description(),
                    p.unit(), p.priceFen(), p.costFen(), p.costReason(), stock, p.town(), p.village(), p.status(),
                    c == null ? null : new CertificateState(c.number(), c.issuer(), c.validFrom(), c.validUntil()),
                    presale == null ? null : new PresaleState(presale.deliveryDate(), presale.capacity()),
                    p.priceVersion(), p.changedAt(), p.version(), p.createdAt());
        }
    }

    public record CertificateState(String number, String issuer, LocalDate validFrom, LocalDate validUntil) {
    }

    public record PresaleState(LocalDate deliveryDate, int capacity) {
    }
}
