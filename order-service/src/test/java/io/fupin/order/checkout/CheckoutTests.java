package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.fupin.order.livestream.BuyerLimits;
import io.fupin.order.stock.CatalogBusy;
import io.fupin.order.stock.CatalogFailures;
import io.fupin.order.stock.CatalogStock;
import io.fupin.order.stock.CatalogUnavailable;
import io.fupin.order.stock.ProductId;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What placing an order does when the reservation call fails: whatever the call may have held in catalog is released
 * at once rather than held for nobody until the hold lapses. The buyer's allowance is only read before the call and
 * taken in the order's own transaction, so a failed call has none to give back; when another order of the buyer took
 * it meanwhile, the reservation just made is released.
 */
class CheckoutTests {

    private final Orders orders = mock(Orders.class);
    private final CatalogStock stock = mock(CatalogStock.class);
    private final BuyerLimits limits = mock(BuyerLimits.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TransactionTemplate transactions = mock(TransactionTemplate.class);
    private final Checkout checkout = new Checkout(orders, stock, transactions, limits,
            mock(JdbcClient.class), Clock.systemUTC(), Duration.ofMinutes(15), meters);
    private final Caller buyer = Caller.of("buyer-1", null, Role.CONSUMER);
    private final UUID orderId = UUID.randomUUID();
    private final PlaceOrder request = new PlaceOrder(List.of(new PlaceOrder.Line(new ProductId(UUID.randomUUID()), 1)), Channel.LIVESTREAM,
            new PlaceOrder.Buyer(BuyerKind.INDIVIDUAL, null), new PlaceOrder.Delivery("王芳", "13800138000", "甘肃省定西市安定区"));

    @Test
    void aReservationWhoseAnswerWasLostIsReleasedAtOnceAndTheOrderIdGivenUp() {
        given(stock.reserve(eq(orderId), any(), eq(true))).willThrow(CatalogFailures.unavailable());
        given(stock.releaseAfterUnknownOutcome(orderId)).willReturn(true);

        CatalogUnavailable thrown = catchThrowableOfType(CatalogUnavailable.class, () -> checkout.place(new OrderId(orderId), true, buyer, request));

        assertThat(thrown.nothingHeld()).isTrue();
        verify(limits, never()).take(any(), any());
        assertThat(meters.counter("fupin.orders.refused", "reason", "catalog_unavailable").count()).isEqualTo(1);
    }

    @Test
    void whenCatalogCannotBeToldTheOrderIdIsKeptForTheRetryToFindItsReservation() {
        given(stock.reserve(eq(orderId), any(), eq(true))).willThrow(CatalogFailures.unavailable());
        given(stock.releaseAfterUnknownOutcome(orderId)).willReturn(false);

        CatalogUnavailable thrown = catchThrowableOfType(CatalogUnavailable.class, () -> checkout.place(new OrderId(orderId), true, buyer, request));

        assertThat(thrown.nothingHeld()).isFalse();
    }

    @Test
    void aCallThatNeverGotItsTurnHeldNothingAndReleasesNothing() {
        given(stock.reserve(eq(orderId), any(), eq(true))).willThrow(CatalogFailures.busy());

        catchThrowableOfType(CatalogBusy.class, () -> checkout.place(new OrderId(orderId), true, buyer, request));

        verify(stock, never()).releaseAfterUnknownOutcome(any());
        verify(limits, never()).take(any(), any());
        assertThat(meters.counter("fupin.orders.refused", "reason", "catalog_busy").count()).isEqualTo(1);
    }

    @Test
    void aReservationIsReleasedWhenAnotherOrderOfTheBuyerTookTheAllowanceMeanwhile() {
        ProductId product = request.lines().getFirst().productId();
        BuyerLimits.Allowance allowance = new BuyerLimits.Allowance("buyer-1", List.of());
        given(limits.allowance(eq("buyer-1"), eq(true), anyMap())).willReturn(allowance);
        given(stock.reserve(eq(orderId), any(), eq(true))).willReturn(new CatalogStock.Reservation(orderId, "HELD", null,
                List.of(new CatalogStock.ReservedLine(product, UUID.randomUUID(), 1, 990, 500, null, null))));
        given(transactions.execute(any())).willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
        willThrow(new BuyerLimits.LimitExceeded(product, 5)).given(limits).take(orderId, allowance);

        catchThrowableOfType(BuyerLimits.LimitExceeded.class, () -> checkout.place(new OrderId(orderId), true, buyer, request));

        verify(stock).releaseAfterUnknownOutcome(orderId);
        verify(orders, never()).save(any());
        assertThat(meters.counter("fupin.orders.refused", "reason", "limit").count()).isEqualTo(1);
    }
}
