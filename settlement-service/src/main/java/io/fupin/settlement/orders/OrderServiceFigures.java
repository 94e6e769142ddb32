package io.fupin.settlement.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reads order-service's own figures of a day ({@code GET /internal/order-totals/{day}}, every page): per
 * order the money it recorded as paid and as refunded on that day (Asia/Shanghai).
 */
@Component
public class OrderServiceFigures {

    static final String ORDERS = "orders";
    static final int PAGE_SIZE = 1000;
    /** A hundred million orders a day: more pages than that is not an answer. */
    static final int MAX_PAGES = 100_000;

    private final RestClient orders;

    OrderServiceFigures(RestClient orderServiceRestClient) {
        this.orders = orderServiceRestClient;
    }

    /** One order's money on one day as order-service recorded it, in fen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderFigures(UUID orderId, long paidFen, long refundedFen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FiguresPage(List<OrderFigures> items, int page, int totalPages) {
    }

    /**
     * The day's figures by order id. Reading is idempotent, so a failed read is retried as a whole.
     *
     * @throws OrderServiceUnreachable when order-service cannot answer (after retries, or with the circuit open)
     */
    @Retry(name = ORDERS)
    @CircuitBreaker(name = ORDERS, fallbackMethod = "unreachable")
    public Map<UUID, OrderFigures> ofDay(LocalDate day) {
        Map<UUID, OrderFigures> figures = new LinkedHashMap<>();
        int page = 0;
        FiguresPage answer;
        do {
            answer = orders.get().uri("/internal/order-totals/{day}?page={page}&size={size}", day, page, PAGE_SIZE)
                    .retrieve().body(FiguresPage.class);
            checked(day, page, answer);
            answer.items().forEach(f -> figures.put(f.orderId(), f));
            page++;
        } while (page < answer.totalPages());
        return figures;
    }

    /**
     * order-service's answer is input like any other: a page of figures, each of an order, with money that is not
     * negative, and a page count that a day can have. Anything else means order-service cannot tell what it
     * recorded, so nothing is verified against it (the period is not closed).
     */
    static void checked(LocalDate day, int page, FiguresPage answer) {
        String wrong = null;
        if (answer == null || answer.items() == null) {
            wrong = "no figures";
        } else if (answer.totalPages() < 0 || answer.totalPages() > MAX_PAGES || answer.page() != page) {
            wrong = "page " + answer.page() + " of " + answer.totalPages() + " for page " + page;
        } else if (answer.items().size() > PAGE_SIZE) {
            wrong = answer.items().size() + " figures in a page of " + PAGE_SIZE;
        } else if (answer.items().isEmpty() && page < answer.totalPages() - 1) {
            wrong = "an empty page " + page + " of " + answer.totalPages();
        } else if (answer.items().stream().anyMatch(f -> f == null || f.orderId() == null || f.paidFen() < 0
                || f.refundedFen() < 0)) {
            wrong = "a figure without an order or with negative money";
        }
        if (wrong != null) {
            throw new IllegalStateException("order-service answered " + wrong + " for " + day);
        }
    }

    // The circuit breaker's fallback (public: Resilience4j invokes it reflectively).
    public Map<UUID, OrderFigures> unreachable(LocalDate day, Throwable cause) {
        throw new OrderServiceUnreachable(day, cause);
    }

    /** order-service could not tell what it recorded, so nothing can be verified against it. */
    public static class OrderServiceUnreachable extends RuntimeException {
        OrderServiceUnreachable(LocalDate day, Throwable cause) {
            super("order-service could not be asked what it recorded on " + day + " (" + cause.getMessage() + ")",
                    cause);
        }
    }
}
