package io.fupin.catalog.product;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fupin.catalog.seller.SellerId;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.EventTopic;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every event on {@code catalog-service.product-events.v1}, each sent in an {@link EventEnvelope} keyed by product
 * id so that one product's events stay in order. Written to the outbox in the transaction that changes the
 * product. Each carries the product as it now stands, its fields directly in the payload (docs/events.md).
 */
@EventTopic(ProductEvent.TOPIC)
public sealed interface ProductEvent {

    String TOPIC = "catalog-service.product-events.v1";

    /** The product as it stands after the event. */
    State product();

    static EventEnvelope<ProductEvent> of(ProductEvent event, Instant occurredAt) {
        return EventEnvelope.of(event.product().productId(), occurredAt, event);
    }

    record ProductListed(@JsonUnwrapped State product) implements ProductEvent {
    }

    /** Described, repriced, sent for certification, certification refused, reinstated. */
    record ProductUpdated(@JsonUnwrapped State product) implements ProductEvent {
    }

    record ProductCertified(@JsonUnwrapped State product) implements ProductEvent {
    }

    record ProductCertificationRevoked(@JsonUnwrapped State product) implements ProductEvent {
    }

    record ProductCertificationExpired(@JsonUnwrapped State product) implements ProductEvent {
    }

    record ProductSuspended(@JsonUnwrapped State product) implements ProductEvent {
    }

    record ProductDelisted(@JsonUnwrapped State product) implements ProductEvent {
    }

    record StockChanged(@JsonUnwrapped State product) implements ProductEvent {
    }

    /**
     * The product as it stands. {@code revision} (added to the documented fields) grows with every change,
     * so that a consumer can ignore an older state that arrives late.
     */
    record State(ProductId productId, SellerId sellerId, String sellerName, String name, ProductCategory category,
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

    record CertificateState(String number, String issuer, LocalDate validFrom, LocalDate validUntil) {
    }

    record PresaleState(LocalDate deliveryDate, int capacity) {
    }
}
