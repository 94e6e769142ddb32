package io.fupin.order.checkout;

import io.fupin.order.idempotency.IdempotentRequests.Answer;
import io.fupin.order.idempotency.IdempotentRequests;
import io.fupin.order.livestream.BuyerLimits;
import io.fupin.order.stock.CatalogStock;
import io.fupin.order.stock.CatalogUnavailable;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/orders")
@Validated
@Tag(name = "Orders", description = "Checkout and the buyer's orders")
class OrderController {

    private final Checkout checkout;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    OrderController(Checkout checkout, IdempotentRequests idempotency, JsonMapper json) {
        this.checkout = checkout;
        this.idempotency = idempotency;
        this.json = json;
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
    // The rule stands at the door: the Idempotency-Key is claimed before the use case runs, and a refused caller claims nothing.
    @PreAuthorize("hasRole('CONSUMER')")
    ResponseEntity<String> place(Caller caller,
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey,
            @Valid @RequestBody PlaceOrder request) {
        Answer answer = idempotency.answer(caller.userId(), idempotencyKey, request, (orderId, fresh) -> {
            try {
                OrderView order = checkout.place(orderId, fresh, caller, request);
                return new Answer(HttpStatus.CREATED.value(), json.writeValueAsString(order), false);
            } catch (CatalogStock.SoldOut e) {
                return new Answer(HttpStatus.CONFLICT.value(), problem(ProblemType.SOLD_OUT,
                        "Not enough stock is left for this order; nothing was reserved or charged."), false);
            } catch (BuyerLimits.LimitExceeded e) {
                return new Answer(HttpStatus.CONFLICT.value(), problem(ProblemType.LIVESTREAM_LIMIT, e.getMessage()), false);
            } catch (CatalogUnavailable e) {
                if (e.nothingHeld()) {
                    // Catalog holds nothing under this order id and never will: a retry with the key gets a new one.
                    idempotency.renewResource(caller.userId(), idempotencyKey, orderId);
                }
                throw e;
            }
        });
        MediaType type = answer.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status()).contentType(type)
                .header("Idempotent-Replayed", Boolean.toString(answer.replayed()));
        if (answer.status() == HttpStatus.CREATED.value()) {
            response.location(URI.create("/api/orders/" + json.readTree(answer.body()).get("id").asString()));
        }
        return response.body(answer.body());
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
    OrderView order(Caller caller, @PathVariable UUID orderId) {
        return checkout.order(caller, orderId);
    }

    /** A refusal stored with the Idempotency-Key, so that a replay answers the same problem. */
    private static String problem(ProblemType type, String detail) {
        return new String(Problems.json(type.problem(detail)), StandardCharsets.UTF_8);
    }
}
