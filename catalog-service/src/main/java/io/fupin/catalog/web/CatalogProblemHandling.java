package io.fupin.catalog.web;

import io.fupin.catalog.product.Product;
import io.fupin.catalog.product.ProductNotFound;
import io.fupin.catalog.reservation.ReservationNotFound;
import io.fupin.catalog.reservation.ReservationReleased;
import io.fupin.catalog.reservation.SoldOut;
import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class CatalogProblemHandling extends ProblemHandling {

    @ExceptionHandler({ProductNotFound.class, ReservationNotFound.class})
    ProblemDetail onNotFound(RuntimeException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(SoldOut.class)
    ProblemDetail onSoldOut(SoldOut ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "sold-out", ex.getMessage());
        problem.setProperty("productId", ex.productId());
        return problem;
    }

    @ExceptionHandler(ReservationReleased.class)
    ProblemDetail onReleased(ReservationReleased ex) {
        return Problems.of(HttpStatus.CONFLICT, "reservation-released", ex.getMessage());
    }

    @ExceptionHandler(Product.CostAbovePrice.class)
    ProblemDetail onCostAbovePrice(Product.CostAbovePrice ex) {
        return invalid("costFen", ex.getMessage());
    }
}
