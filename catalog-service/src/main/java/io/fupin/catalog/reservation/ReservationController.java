package io.fupin.catalog.reservation;

import io.fupin.catalog.product.ProductId;
import io.fupin.catalog.reservation.StockReservations.RequestedLine;
import io.fupin.catalog.reservation.StockReservations.ReservationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal API for order-service only; the gateway does not route {@code /internal}. */
@RestController
@RequestMapping("/internal/reservations")
@Tag(name = "Reservations (internal)", description = "Stock reservations for order-service")
class ReservationController {

    private final StockReservations reservations;

    ReservationController(StockReservations reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    @Operation(summary = "Reserve every line or none; idempotent by order id")
    ReservationView reserve(@Valid @RequestBody ReserveRequest request) {
        return reservations.reserve(request.orderId(), request.lines().stream()
                .map(l -> new RequestedLine(l.productId(), l.quantity())).toList());
    }

    @PostMapping("/{orderId}/confirm")
    @Operation(summary = "Confirm a held reservation (payment received); idempotent")
    ReservationView confirm(@PathVariable UUID orderId) {
        return reservations.confirm(orderId);
    }

    @PostMapping("/{orderId}/release")
    @Operation(summary = "Release a reservation and return its stock; idempotent. An order id not reserved yet is "
            + "recorded as released, so that its reservation, if one is still on its way, holds nothing")
    ReservationView release(@PathVariable UUID orderId) {
        return reservations.release(orderId);
    }

    record ReserveRequest(@NotNull UUID orderId, @NotEmpty @Size(max = 50) List<@Valid Line> lines) {
    }

    record Line(@NotNull ProductId productId, @Positive @Max(10_000) int quantity) {
    }
}
