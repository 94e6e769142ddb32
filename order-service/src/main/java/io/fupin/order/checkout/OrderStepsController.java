package io.fupin.order.checkout;

import io.fupin.order.stock.ProductId;
import io.fupin.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The order's steps after checkout; an illegal step for the order's state is 409 {@code illegal-transition}. */
@RestController
@Tag(name = "Order lifecycle", description = "Cancel, ship, confirm delivery, refunds, presale shortfalls")
class OrderStepsController {

    private final OrderLifecycle lifecycle;

    OrderStepsController(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    record Shipment(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and '-' only") String trackingNumber) {
    }

    record RefundRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines, @Size(max = 500) String note) {

        record Line(@NotNull ProductId productId, @Positive @Max(10_000) int quantity) {
        }

        @AssertTrue(message = "each product may appear on one line only")
        @Schema(hidden = true)
        public boolean isEachProductOnce() {
            return lines == null || lines.stream().filter(l -> l != null).map(Line::productId).distinct().count()
                    == lines.stream().filter(l -> l != null).count();
        }
    }

    record Rejection(
            @Schema(description = "Why the request is rejected; the buyer reads it on the order", example = "商品已拆封使用，不符合退货条件")
            @NotBlank @Size(max = 500) String reason) {
    }

    record Shortfall(@PositiveOrZero @Max(10_000_000) int deliverableQuantity) {
    }

    @PostMapping("/api/orders/{orderId}/cancellation")
    @Operation(summary = "Cancel before shipping (the buyer, or ADMIN); a paid order is refunded in full")
    OrderView cancel(Caller caller, @PathVariable OrderId orderId) {
        return lifecycle.cancel(caller, orderId);
    }

    @PostMapping("/api/orders/{orderId}/shipments")
    @Operation(summary = "Ship the caller's lines of a paid order with a tracking number (SELLER)")
    OrderView ship(Caller caller, @PathVariable OrderId orderId, @Valid @RequestBody Shipment shipment) {
        return lifecycle.ship(caller, orderId, shipment.trackingNumber());
    }

    @PostMapping("/api/orders/{orderId}/delivery")
    @Operation(summary = "The buyer confirms receiving a shipped order")
    OrderView confirmDelivery(@PathVariable OrderId orderId) {
        return lifecycle.confirmDelivery(orderId);
    }

    @PostMapping("/api/orders/{orderId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "After delivery the buyer asks one seller to refund some units")
    OrderView requestRefund(@PathVariable OrderId orderId, @Valid @RequestBody RefundRequest request) {
        Map<ProductId, Integer> units = new LinkedHashMap<>();
        request.lines().forEach(l -> units.put(l.productId(), l.quantity()));
        return lifecycle.requestRefund(orderId, units, request.note());
    }

    @PostMapping("/api/orders/{orderId}/refunds/{refundId}/acceptance")
    @Operation(summary = "The seller accepts a refund request: the units are refunded (OrderRefunded)")
    OrderView accept(Caller caller, @PathVariable OrderId orderId, @PathVariable UUID refundId) {
        return lifecycle.decideRefund(caller, orderId, refundId, true, null);
    }

    @PostMapping("/api/orders/{orderId}/refunds/{refundId}/rejection")
    @Operation(summary = "The seller rejects a refund request with a reason (required, up to 500 characters) that the "
            + "buyer reads on the order as the refund's rejectionReason; without one 400 and nothing changes")
    OrderView reject(Caller caller, @PathVariable OrderId orderId, @PathVariable UUID refundId,
            @Valid @RequestBody Rejection rejection) {
        return lifecycle.decideRefund(caller, orderId, refundId, false, rejection.reason());
    }

    @PostMapping("/api/orders/presales/{productId}/shortfall")
    @Operation(summary = "The seller declares how many units of a presale product it can deliver; "
            + "paid presale orders are cut pro rata and the rest refunded")
    OrderLifecycle.ShortfallCut shortfall(Caller caller, @PathVariable ProductId productId, @Valid @RequestBody Shortfall request) {
        return lifecycle.declareShortfall(caller, productId, request.deliverableQuantity());
    }
}
