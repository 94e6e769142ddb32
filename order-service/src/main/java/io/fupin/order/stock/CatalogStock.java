package io.fupin.order.stock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** Reserves stock for an order in catalog-service; every call is idempotent by order id. */
@Component
public class CatalogStock {

    static final String CATALOG = "catalog";
    private static final Set<String> STATUSES = Set.of("HELD", "CONFIRMED", "RELEASED");
    /** catalog-service's own upper bound of a price (¥1,000,000, its ProductRules). */
    static final long MAX_PRICE_FEN = 100_000_000;

    private static final Pattern PRODUCT_ID = Pattern.compile("\"productId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final RestClient catalog;
    private final SoldOutMarks soldOut;

    CatalogStock(RestClient catalogRestClient, SoldOutMarks soldOutMarks) {
        this.catalog = catalogRestClient;
        this.soldOut = soldOutMarks;
    }

    /**
     * The sold-out fast path ({@link SoldOutMarks}): refuses, without asking catalog, an order that catalog refused
     * a moment ago for one of these lines. Only for an order id never sent to catalog before (a resumed order must
     * reach catalog, which may hold its reservation already).
     *
     * @throws SoldOut when a line asks at least as many units as catalog just refused
     */
    public void refuseIfKnownSoldOut(List<Line> lines) {
        Line refused = soldOut.refusedLine(lines);
        if (refused != null) {
            throw new SoldOut("Product " + refused.productId() + " is sold out.");
        }
    }

    /**
     * @throws SoldOut when catalog refuses a line (409); nothing is held then
     * @throws CatalogUnavailable when catalog cannot answer (after retries, or with the circuit open)
     */
    @Retry(name = CATALOG)
    @CircuitBreaker(name = CATALOG, fallbackMethod = "unavailable")
    public Reservation reserve(UUID orderId, List<Line> lines) {
        try {
            return checked(orderId, lines, catalog.post().uri("/internal/reservations")
                    .body(new ReserveRequest(orderId, lines))
                    .retrieve()
                    .body(Reservation.class));
        } catch (HttpClientErrorException e) {
            RuntimeException refusal = refusal(e);
            if (refusal instanceof SoldOut) {
                remember(lines, e.getResponseBodyAsString());
            }
            throw refusal;
        }
    }

    /** Marks the line catalog named in its sold-out answer (the only line when it named none we know). */
    private void remember(List<Line> lines, String problem) {
        Matcher named = PRODUCT_ID.matcher(problem);
        UUID product = named.find() ? UUID.fromString(named.group(1)) : lines.size() == 1 ? lines.getFirst().productId() : null;
        lines.stream().filter(l -> l.productId().equals(product)).findFirst()
                .ifPresent(l -> soldOut.refused(l.productId(), l.quantity()));
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
            Reservation released = catalog.post().uri("/internal/reservations/{orderId}/release", orderId).retrieve()
                    .body(Reservation.class);
            if (released != null && released.lines() != null) {
                soldOut.reopen(released.lines().stream().map(ReservedLine::productId).toList());
            }
            return released;
        } catch (HttpClientErrorException e) {
            throw refusal(e);
        }
    }

    /**
     * catalog-service's answer is input like any other: an order is taken only from a reservation of this order,
     * in a known state, of exactly the products and units asked for, each with its seller, a price from 1 fen to
     * catalog's maximum and a cost from 0 to it. Anything else is catalog not answering properly (503 to the buyer, nothing stored; a hold
     * it may have made lapses on its own).
     */
    static Reservation checked(UUID orderId, List<Line> asked, Reservation answer) {
        List<String> wrong = new ArrayList<>();
        if (answer == null) {
            wrong.add("no reservation");
        } else {
            if (!orderId.equals(answer.orderId())) {
                wrong.add("order " + answer.orderId());
            }
            if (!STATUSES.contains(answer.status())) {
                wrong.add("status " + answer.status());
            }
            if (answer.lines() == null || answer.lines().stream().anyMatch(Objects::isNull)) {
                wrong.add("no lines");
            } else if (!"RELEASED".equals(answer.status())) {
                Map<UUID, Integer> units = new HashMap<>();
                asked.forEach(l -> units.merge(l.productId(), l.quantity(), Integer::sum));
                Map<UUID, Integer> reserved = new HashMap<>();
                for (ReservedLine line : answer.lines()) {
                    if (line.productId() == null || line.sellerId() == null || line.quantity() <= 0
                            || line.unitPriceFen() <= 0 || line.unitPriceFen() > MAX_PRICE_FEN
                            || line.unitCostFen() < 0 || line.unitCostFen() > MAX_PRICE_FEN) {
                        wrong.add("line " + line.productId());
                    } else {
                        reserved.merge(line.productId(), line.quantity(), Integer::sum);
                    }
                }
                if (!reserved.equals(units)) {
                    wrong.add("other products or units than asked for");
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new CatalogUnavailable(new IllegalStateException("catalog-service answered what is not a reservation of order "
                    + orderId + ": " + String.join(", ", wrong.subList(0, Math.min(5, wrong.size())))));
        }
        return answer;
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

    /** Catalog released the stock before the order was paid: it must not be confirmed any more. */
    public static class ReservationReleased extends RuntimeException {
        ReservationReleased(UUID orderId) {
            super("The stock held for order " + orderId + " was already released.");
        }
    }
}
