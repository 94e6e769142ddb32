package io.fupin.order.web;

import io.fupin.order.checkout.Checkout;
import io.fupin.order.checkout.OrderExceptions;
import io.fupin.order.idempotency.IdempotentRequests;
import io.fupin.order.payment.PaymentDesk;
import io.fupin.order.payment.PaymentProvider;
import io.fupin.order.payment.Refunds;
import io.fupin.order.payment.Statements;
import org.springframework.dao.OptimisticLockingFailureException;
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

    @ExceptionHandler(OrderExceptions.IllegalTransition.class)
    ProblemDetail onIllegalTransition(OrderExceptions.IllegalTransition ex) {
        return Problems.of(HttpStatus.CONFLICT, "illegal-transition", ex.getMessage());
    }

    @ExceptionHandler(OrderExceptions.PresaleNotDue.class)
    ProblemDetail onPresaleNotDue(OrderExceptions.PresaleNotDue ex) {
        return Problems.of(HttpStatus.CONFLICT, "presale-not-due", ex.getMessage());
    }

    @ExceptionHandler(OrderExceptions.RefundRefused.class)
    ProblemDetail onRefundRefused(OrderExceptions.RefundRefused ex) {
        return Problems.of(HttpStatus.CONFLICT, "refund-refused", ex.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail onConcurrentChange(OptimisticLockingFailureException ex) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "The order changed while this request was handled; read it again and retry.");
    }

    @ExceptionHandler(PaymentDesk.PaymentNotFound.class)
    ProblemDetail onPaymentNotFound(PaymentDesk.PaymentNotFound ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(PaymentDesk.AmountMismatch.class)
    ProblemDetail onAmountMismatch(PaymentDesk.AmountMismatch ex) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "amount-mismatch", ex.getMessage());
    }

    @ExceptionHandler(PaymentDesk.OrderNotPayable.class)
    ProblemDetail onNotPayable(PaymentDesk.OrderNotPayable ex) {
        return Problems.of(HttpStatus.CONFLICT, "order-not-payable", ex.getMessage());
    }

    @ExceptionHandler(PaymentProvider.BadSignature.class)
    ProblemDetail onBadSignature(PaymentProvider.BadSignature ex) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "bad-signature", ex.getMessage());
    }

    @ExceptionHandler(Refunds.RefundExceedsPayment.class)
    ProblemDetail onRefundExceedsPayment(Refunds.RefundExceedsPayment ex) {
        return Problems.of(HttpStatus.CONFLICT, "refund-exceeds-payment", ex.getMessage());
    }

    @ExceptionHandler(Statements.NotImported.class)
    ProblemDetail onStatementNotImported(Statements.NotImported ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(PaymentProvider.ProviderUnavailable.class)
    ResponseEntity<ProblemDetail> onProviderUnavailable(PaymentProvider.ProviderUnavailable ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable",
                        "The payment provider cannot be reached right now; try again shortly."));
    }

    @ExceptionHandler(PaymentProvider.MalformedCallback.class)
    ProblemDetail onMalformedCallback(PaymentProvider.MalformedCallback ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-callback", ex.getMessage());
    }
}
