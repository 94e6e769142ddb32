package io.fupin.order.stock;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
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

    @SuppressWarnings("unused") // the circuit breaker's fallback: business refusals pass through unchanged
    private Reservation unavailable(UUID orderId, List<Line> lines, Throwable cause) {
        throw translate(cause);
    }

    @SuppressWarnings("unused")
    private Reservation unavailable(UUID orderId, Throwable cause) {
        throw translate(cause);
    }

    private static RuntimeException translate(Throwable cause) {
        if (cause instanceof SoldOut || cause instanceof CatalogRefused) {
            return (RuntimeException) cause;
        }
        return new CatalogUnavailable(cause);
    }

    public record Line(UUID productId, int quantity) {
    }

    record ReserveRequest(UUID orderId, List<Line> lines) {
    }

    /** The reservation as catalog holds it: per line the price, cost and seller the order keeps. */
    public record Reservation(UUID orderId, String status, List<ReservedLine> lines) {
    }

    public record ReservedLine(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen) {
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

    public static class CatalogUnavailable extends RuntimeException {
        CatalogUnavailable(Throwable cause) {
            super("catalog-service is unavailable", cause);
        }
    }
}
