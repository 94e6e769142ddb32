package io.fupin.catalog.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.fupin.catalog.product.ProductCatalog;
import io.fupin.catalog.product.ProductId;
import io.fupin.catalog.reservation.StockReservations.RequestedLine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** A reservation of a product whose stock cannot cover it is refused before anything is written. */
class StockReservationsTests {

    private final Reservations reservations = mock(Reservations.class);
    private final Stock stock = mock(Stock.class);
    private final ProductCatalog catalog = mock(ProductCatalog.class);
    private final TransactionTemplate transactions = mock(TransactionTemplate.class);
    private final StockReservations stockReservations = new StockReservations(reservations, stock, catalog, transactions,
            Clock.systemUTC(), Duration.ofMinutes(30));

    @Test
    void aLineItsStockCannotCoverIsRefusedWithoutWritingTheReservation() {
        ProductId product = new ProductId(UUID.randomUUID());
        given(transactions.execute(any())).willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
        given(catalog.today()).willReturn(LocalDate.of(2026, 12, 1));
        given(reservations.findById(any())).willReturn(Optional.empty());
        given(stock.snapshot(product)).willReturn(Optional.of(
                new Stock.Snapshot(UUID.randomUUID(), 990, 500, 1, null, "CERT-1", 1)));

        Throwable refused = catchThrowable(() -> stockReservations.reserve(UUID.randomUUID(), List.of(new RequestedLine(product, 2))));

        assertThat(refused).isInstanceOf(SoldOut.class);
        verify(reservations, never()).save(any());
        verify(stock, never()).take(any(), anyInt(), any(), anyInt());
    }
}
