package io.fupin.order.payment;

import io.fupin.order.idempotency.IdempotentRequests;
import io.fupin.order.idempotency.IdempotentRequests.Answer;
import io.fupin.order.payment.PaymentDesk.PaymentView;
import io.fupin.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/payments")
@Validated
@Tag(name = "Payments", description = "Paying an order through the provider, its callbacks, and the sandbox wallet")
class PaymentController {

    private final PaymentDesk desk;
    private final SandboxWallet sandbox;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    PaymentController(PaymentDesk desk, SandboxWallet sandbox, IdempotentRequests idempotency, JsonMapper json) {
        this.desk = desk;
        this.sandbox = sandbox;
        this.idempotency = idempotency;
        this.json = json;
    }

    record StartPayment(@NotNull UUID orderId, @Positive long amountFen) {
    }

    record SandboxPay(Long amountFen) {
    }

    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Start paying an order (its buyer); the amount must be the order's total. Header Idempotency-Key required")
    ResponseEntity<String> start(Caller caller,
            @RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String idempotencyKey,
            @Valid @RequestBody StartPayment request) {
        caller.requireAnyRole("CONSUMER");
        Answer answer = idempotency.answer("payment:" + caller.userId(), idempotencyKey, request, paymentId -> {
            PaymentView view = desk.start(caller, paymentId, request.orderId(), request.amountFen());
            return new Answer(HttpStatus.CREATED.value(), json.writeValueAsString(view), false);
        });
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", Boolean.toString(answer.replayed())).body(answer.body());
    }

    @GetMapping("/{paymentId}")
    @Operation(summary = "One of the caller's payments (ADMIN: any)")
    PaymentView payment(Caller caller, @PathVariable UUID paymentId) {
        return desk.payment(caller, paymentId);
    }

    @PostMapping("/callback")
    @Operation(summary = "The provider's asynchronous, HMAC-signed notification (headers Pay-Timestamp, Pay-Nonce, Pay-Signature)")
    Map<String, String> callback(HttpServletRequest request, @RequestBody byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        PaymentDesk.CallbackOutcome outcome = desk.callback(headers, body);
        return Map.of("code", "SUCCESS", "outcome", outcome.name());
    }

    @PostMapping("/{paymentId}/sandbox/pay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sandbox only: the buyer pays in the sandbox wallet, which then sends the signed callback "
            + "asynchronously. amountFen (optional) makes the wallet report another amount, to try mismatches")
    Map<String, Object> sandboxPay(Caller caller, @PathVariable UUID paymentId,
            @RequestBody(required = false) SandboxPay request) {
        caller.requireAnyRole("CONSUMER", "ADMIN");
        desk.payment(caller, paymentId);
        if (!sandbox.enabled()) {
            throw new PaymentDesk.PaymentNotFound(paymentId);
        }
        return sandbox.pay(paymentId, Optional.ofNullable(request).map(SandboxPay::amountFen));
    }

    @GetMapping("/flags")
    @Operation(summary = "Callbacks refused and flagged (amount mismatches), newest first (ADMIN, CLERK)")
    List<PaymentDesk.Flag> flags(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        caller.requireAnyRole("ADMIN", "CLERK");
        return desk.flags(limit);
    }
}
