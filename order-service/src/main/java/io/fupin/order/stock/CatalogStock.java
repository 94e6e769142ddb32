package io.fupin.order.stock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
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

/**
 * Reserves stock for an order in catalog-service; every call is idempotent by order id. Calls to catalog pass one
 * bulkhead ({@code resilience4j.bulkhead.instances.catalog}): no more of them are in catalog at once than it has
 * room for, the others wait their turn here, so a call sent is answered within its read timeout instead of queueing
 * inside catalog past it.
 */
@Component
public class CatalogStock {

    static final String CATALOG = "catalog";
    private static final Set<String> STATUSES = Set.of("HELD", "CONFIRMED", "RELEASED");
    /** catalog-service's own upper bound of a price (¥1,000,000, its ProductRules). */
    static final long MAX_PRICE_FEN = 100_000_000;

    private static final Pattern PRODUCT_ID = Pattern.compile("\"productId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final RestClient catalog;
    private final SoldOutMarks soldOut;
    private final Bulkhead turns;

    CatalogStock(RestClient catalogRestClient, SoldOutMarks soldOutMarks, BulkheadRegistry bulkheads) {
        this.catalog = catalogRestClient;
        this.soldOut = soldOutMarks;
        this.turns = bulkheads.bulkhead(CATALOG);
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
            throw new SoldOut("Product " + refused.productId().value() + " is sold out.");
        }
    }

    /**
     * @param fresh the order id was never sent to catalog before: when catalog refused one of its products while this
     *              call waited for its turn, it is refused without the call ({@link #refuseIfKnownSoldOut(List)})
     * @throws SoldOut when catalog refuses a line (409); nothing is held then
     * @throws CatalogBusy when the call did not get its turn in time; nothing was sent
     * @throws CatalogUnavailable when catalog cannot answer (after retries, or with the circuit open)
     */
    @Retry(name = CATALOG)
    @CircuitBreaker(name = CATALOG, fallbackMethod = "unavailable")
    public Reservation reserve(UUID orderId, List<Line> lines, boolean fresh) {
        return turns.executeSupplier(() -> {
            if (fresh) {
                refuseIfKnownSoldOut(lines);
            }
            return reserveNow(orderId, lines);
        });
    }

    private Reservation reserveNow(UUID orderId, List<Line> lines) {
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

    /**
     * After a reservation call whose outcome is unknown (no answer in time, or not a reservation): the call may have
     * held stock in catalog, so it is released at once rather than held for nobody until the hold lapses. Catalog
     * records the release of an order id it does not know yet, so a reservation of it still on its way holds
     * nothing either.
     *
     * @return whether catalog now holds nothing under the order id and never will; {@code false} when it could not
     *         be told (the reservation is then found again by a retry with the same order id, or lapses)
     */
    public boolean releaseAfterUnknownOutcome(UUID orderId) {
        try {
            Reservation released = release(orderId);
            return released != null && "RELEASED".equals(released.status());
        } catch (RuntimeException stillUnknown) {
            return false;
        }
    }

    /** Marks the line catalog named in its sold-out answer (the only line when it named none we know). */
    private void remember(List<Line> lines, String problem) {
        Matcher named = PRODUCT_ID.matcher(problem);
        ProductId product = named.find() ? new ProductId(UUID.fromString(named.group(1)))
                : lines.size() == 1 ? lines.getFirst().productId() : null;
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
        return turns.executeSupplier(() -> confirmNow(orderId));
    }

    private Reservation confirmNow(UUID orderId) {
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
        return turns.executeSupplier(() -> releaseNow(orderId));
    }

    private Reservation releaseNow(UUID orderId) {
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
                Map<ProductId, Integer> units = new HashMap<>();
                asked.forEach(l -> units.merge(l.productId(), l.quantity(), Integer::sum));
                Map<ProductId, Integer> reserved = new HashMap<>();
                for (ReservedLine line : answer.lines()) {
                    if (line.productId() == null || line.sellerId() == null || line.quantity() <= 0
                            || line.unitPriceFen() <= 0 || line.unitPriceFen() > MAX_PRICE_FEN
                            || line.unitCostFen() < 0 || line.unitCostFen() > MAX_PRICE_FEN) {
                        wrong.add("line " + (line.productId() == null ? null : line.productId().value()));
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
    public Reservation unavailable(UUID orderId, List<Line> lines, boolean fresh, Throwable cause) {
        throw translate(cause);
    }

    public Reservation unavailable(UUID orderId, Throwable cause) {
        throw translate(cause);
    }

    private static RuntimeException translate(Throwable cause) {
        if (cause instanceof SoldOut || cause instanceof CatalogRefused || cause instanceof ReservationReleased) {
            return (RuntimeException) cause;
        }
        if (cause instanceof BulkheadFullException) {
            return new CatalogBusy(cause);
        }
        return new CatalogUnavailable(cause);
    }

    public record Line(ProductId productId, int quantity) {
    }

    record ReserveRequest(UUID orderId, List<Line> lines) {
    }

    /** The reservation as catalog holds it: per line the price, cost and seller the order keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reservation(UUID orderId, String status, Instant expiresAt, List<ReservedLine> lines) {
    }

    /** Fields catalog does not send (yet) read as {@code null}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReservedLine(ProductId productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen,
            LocalDate presaleDeliveryDate, String certificateNumber) {
    }

    /** Catalog cannot cover a line: answered 409 {@code sold-out}, nothing reserved or charged. */
    public static class SoldOut extends Refusal {
        SoldOut(String detail) {
            super(ProblemType.SOLD_OUT, detail);
        }

        @Override
        protected String detail() {
            return "Not enough stock is left for this order; nothing was reserved or charged.";
        }
    }

    /** Catalog released the stock before the order was paid: it must not be confirmed any more. */
    public static class ReservationReleased extends RuntimeException {
        ReservationReleased(UUID orderId) {
            super("The stock held for order " + orderId + " was already released.");
        }
    }
}
