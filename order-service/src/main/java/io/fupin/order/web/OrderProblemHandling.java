package io.fupin.order.web;

import io.fupin.order.checkout.Checkout;
import io.fupin.order.idempotency.IdempotentRequests;
import io.fupin.order.stock.CatalogStock;
import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class OrderProblemHandling extends ProblemHandling {

    @ExceptionHandler(Checkout.OrderNotFound.class)
    ProblemDetail onNotFound(Checkout.OrderNotFound ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(IdempotentRequests.KeyReusedWithAnotherRequest.class)
    ProblemDetail onKeyReused(IdempotentRequests.KeyReusedWithAnotherRequest ex) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", ex.getMessage());
    }

    @ExceptionHandler(Checkout.ReservationLapsed.class)
    ProblemDetail onLapsed(Checkout.ReservationLapsed ex) {
        return Problems.of(HttpStatus.CONFLICT, "reservation-lapsed", ex.getMessage());
    }

    @ExceptionHandler(CatalogStock.CatalogRefused.class)
    ProblemDetail onRefused(CatalogStock.CatalogRefused ex) {
        if (ex.status() == HttpStatus.NOT_FOUND.value()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "unknown-product", "An ordered product does not exist.");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "order-refused", "The catalog refused this order.");
    }

    @ExceptionHandler(CatalogStock.CatalogUnavailable.class)
    ResponseEntity<ProblemDetail> onCatalogUnavailable(CatalogStock.CatalogUnavailable ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "Stock cannot be reserved right now; nothing was stored. Retry with the same Idempotency-Key."));
    }
}
