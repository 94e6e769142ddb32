package io.fupin.order.checkout;

import io.fupin.order.idempotency.ClaimedId;
import io.fupin.order.idempotency.Idempotent;
import io.fupin.order.livestream.BuyerLimits;
import io.fupin.order.stock.CatalogStock;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Checkout and the buyer's orders")
class OrderController {

    private final Checkout checkout;

    OrderController(Checkout checkout) {
        this.checkout = checkout;
    }

    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Place an order (CONSUMER). Reserves stock; the same Idempotency-Key and body replay the first answer",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Placed, awaiting payment",
                            content = @Content(schema = @Schema(implementation = OrderView.class))),
                    @ApiResponse(responseCode = "409", description = "Sold out: nothing was stored"),
                    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body"),
                    @ApiResponse(responseCode = "429", description = "Too many orders at once for catalog-service to reserve now: nothing was stored; retry after Retry-After"),
                    @ApiResponse(responseCode = "503", description = "Stock cannot be reserved now: nothing was stored")})
    @Idempotent(kept = {CatalogStock.SoldOut.class, BuyerLimits.LimitExceeded.class})
    @PreAuthorize("hasRole('CONSUMER')")
    ResponseEntity<OrderView> place(Caller caller, @Valid @RequestBody PlaceOrder request, ClaimedId orderId) {
        OrderView order = checkout.place(new OrderId(orderId.id()), orderId.fresh(), caller, request);
        return ResponseEntity.created(URI.create("/api/orders/" + order.id().value())).body(order);
    }

    @GetMapping
    @Operation(summary = "The caller's orders, newest first: a consumer's own (view=buyer, the default), or a seller's "
            + "orders holding its products with only its lines (view=seller)")
    Page<OrderView> orders(Caller caller, @RequestParam(defaultValue = "buyer") View view,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageRequest request = PageRequest.of(page, size, 100);
        if (view == View.seller) {
            return checkout.ordersOfSeller(caller.sellerId(), status, request);
        }
        return checkout.ordersOfBuyer(caller.userId(), status, request);
    }

    /** Whose orders: the consumer's own, or those holding the seller's products. */
    enum View {
        buyer, seller
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order: the buyer and ADMIN see all of it, a seller only its own lines")
    OrderView order(Caller caller, @PathVariable OrderId orderId) {
        return checkout.order(caller, orderId);
    }
}
