package io.fupin.order.stock;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** Reserves stock for an order in catalog-service; every call is idempotent by order id. */
@Component
public class CatalogStock {

    static final String CATALOG = "catalog";

    private final RestClient catalog;

    CatalogStock(RestClient catalogRestClient) {
        this.catalog = catalogRestClient;
    }

    /**
     * @throws SoldOut when catalog refuses a line (409); nothing is held then
     * @throws CatalogUnavailable when catalog cannot answer (after retries, or with the circuit open)
     */
    @Retry(name = CATALOG)
    @CircuitBreaker(name = CATALOG, fallbackMethod = "unavailable")
    public Reservation reserve(UUID orderId, List<Line> lines) {
        try {
            return catalog.post().uri("/internal/reservations")
                    .body(new ReserveRequest(orderId, lines))
                    .retrieve()
                    .body(Reservation.class);
        } catch (HttpClientErrorException e) {
            throw refusal(e);
        }
    }

    /**
     * Confirms a held reservation once the order is paid.
     *
     * @throws ReservationReleased when catalog already gave the stock back (the hold expired or was released)
     */
    @Retry(name = CATALOG)
    @CircuitBreaker(name = CATALOG, fallbackMethod = "unavailable")
    public Reservation confirm(UUID orderId) {
        try {
            return catalog.post().uri("/internal/reservations/{orderId}/confirm", orderId).retrieve().body(Reservation.class);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                throw new ReservationReleased(orderId);
            }
            throw refusal(e);
        }
    }

    @Retry(name = CATALOG)
    @CircuitBreaker(name = CATALOG, fallbackMethod = "unavailable")
    public Reservation release(UUID orderId) {
        try {
            return catalog.post().uri("/internal/reservations/{orderId}/release", orderId).retrieve().body(Reservation.class);
        } catch (HttpClientErrorException e) {
            throw refusal(e);
        }
    }

    private static RuntimeException refusal(HttpClientErrorException e) {
        if (e.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
            return new SoldOut(e.getResponseBodyAsString());
        }
        return new CatalogRefused(e.getStatusCode().value(), e.getResponseBodyAsString());
    }

    // The circuit breaker's fallbacks (public: Resilience4j invokes them reflectively); business refusals pass
    // through unchanged.
    public Reservation unavailable(UUID orderId, List<Line> lines, Throwable cause) {
        throw translate(cause);
    }

    public Reservation unavailable(UUID orderId, Throwable cause) {
        throw translate(cause);
    }

    private static RuntimeException translate(Throwable cause) {
        if (cause instanceof SoldOut || cause instanceof CatalogRefused || cause instanceof ReservationReleased) {
            return (RuntimeException) cause;
        }
        return new CatalogUnavailable(cause);
    }

    public record Line(UUID productId, int quantity) {
    }

    record ReserveRequest(UUID orderId, List<Line> lines) {
    }

    /** The reservation as catalog holds it: per line the price, cost and seller the order keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reservation(UUID orderId, String status, Instant expiresAt, List<ReservedLine> lines) {
    }

    /** Fields catalog does not send (yet) read as {@code null}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReservedLine(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen,
            LocalDate presaleDeliveryDate, String certificateNumber) {
    }

    public static class SoldOut extends RuntimeException {
        SoldOut(String detail) {
            super(detail);
        }
    }

    /** Catalog refused the request for a reason other than stock (e.g. an unknown product). */
    public static class CatalogRefused extends RuntimeException {
        private final int status;

        CatalogRefused(int status, String detail) {
            super(detail);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Catalog released the stock before the order was paid: it must not be confirmed any more. */
    public static class ReservationReleased extends RuntimeException {
        ReservationReleased(UUID orderId) {
            super("The stock held for order " + orderId + " was already released.");
        }
    }

    public static class CatalogUnavailable extends RuntimeException {
        CatalogUnavailable(Throwable cause) {
            super("catalog-service is unavailable", cause);
        }
    }
}
