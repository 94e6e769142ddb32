package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import io.fupin.order.idempotency.ClaimedId;
import io.fupin.order.idempotency.Idempotent;
import io.fupin.order.payment.PaymentDesk.PaymentView;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
@Tag(name = "Payments", description = "Paying an order through the provider, its callbacks, refunds owed, the provider's "
        + "daily statement, and the sandbox wallet (local and test profiles only)")
class PaymentController {

    private final PaymentDesk desk;
    private final Refunds refunds;
    private final Statements statements;
    private final ObjectProvider<SandboxWallet> sandbox;

    PaymentController(PaymentDesk desk, Refunds refunds, Statements statements, ObjectProvider<SandboxWallet> sandbox) {
        this.desk = desk;
        this.refunds = refunds;
        this.statements = statements;
        this.sandbox = sandbox;
    }

    record StartPayment(@NotNull OrderId orderId, @Positive long amountFen) {
    }

    record SandboxPay(Long amountFen) {
    }

    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "Start paying an order (its buyer); the amount must be the order's total. The same Idempotency-Key and body replay the first answer",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Started, awaiting the provider",
                            content = @Content(schema = @Schema(implementation = PaymentView.class))),
                    @ApiResponse(responseCode = "422", description = "Another amount than the order's total, or the Idempotency-Key reused with another body")})
    @Idempotent(scope = "payment")
    @PreAuthorize("@owners.ofOrder(#request.orderId())")
    ResponseEntity<PaymentView> start(Caller caller, @Valid @RequestBody StartPayment request, ClaimedId paymentId) {
        PaymentView view = desk.start(caller, paymentId.id(), request.orderId(), request.amountFen());
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @GetMapping("/{paymentId}")
    @Operation(summary = "One of the caller's payments (ADMIN: any)")
    PaymentView payment(@PathVariable UUID paymentId) {
        return desk.payment(paymentId);
    }

    @PostMapping("/callback")
    @Operation(summary = "The provider's asynchronous notification, HMAC-signed (headers Pay-Timestamp, Pay-Nonce, Pay-Signature)",
            description = "Unsigned, wrongly signed, stale (over 5 min) or replayed (a nonce seen before) callbacks answer "
                    + "401 bad-signature and change nothing; a notification already applied is acknowledged again (200); "
                    + "a signed one reporting another amount than registered answers 422 amount-mismatch and is flagged.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Acknowledged"),
                    @ApiResponse(responseCode = "401", description = "Not signed by the provider, stale or replayed: nothing changed"),
                    @ApiResponse(responseCode = "422", description = "Another amount than registered: refused and flagged")})
    Map<String, String> callback(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        PaymentDesk.CallbackOutcome outcome = desk.callback(headers, body);
        return Map.of("code", "SUCCESS", "outcome", outcome.name());
    }

    @PostMapping("/{paymentId}/sandbox/pay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sandbox only (local and test profiles): the buyer pays in the sandbox wallet, which then sends "
            + "the signed callback asynchronously. amountFen (optional) makes the wallet report another amount, to try mismatches")
    Map<String, Object> sandboxPay(@PathVariable UUID paymentId,
            @RequestBody(required = false) SandboxPay request) {
        desk.payment(paymentId);
        SandboxWallet wallet = sandbox.getIfAvailable();
        if (wallet == null || !wallet.enabled()) {
            throw new PaymentNotFound(paymentId);
        }
        return wallet.pay(paymentId, Optional.ofNullable(request).map(SandboxPay::amountFen));
    }

    @GetMapping("/flags")
    @Operation(summary = "Callbacks refused and flagged (amount mismatches), newest first (CLERK, ADMIN)")
    Page<PaymentDesk.Flag> flags(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return desk.flags(PageRequest.of(page, size, 500));
    }

    @GetMapping("/refunds")
    @Operation(summary = "Refunds owed and not yet confirmed by the provider, oldest first (CLERK, ADMIN)",
            description = "Each with its attempts, the next attempt and the last error; a refund of a payment still "
                    + "pending waits for it to settle (paymentStatus PENDING)")
    Page<Refunds.Refund> unsentRefunds(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return refunds.unsent(PageRequest.of(page, size, 1000));
    }

    @PostMapping("/statements/{day}")
    @Operation(summary = "Import the provider's statement of a day (Asia/Shanghai) and match it against the payments (CLERK, ADMIN)",
            description = "Names every difference: PAID_HERE_NOT_THERE, PAID_THERE_NOT_HERE, AMOUNT_DIFFERS, STATUS_DIFFERS "
                    + "(not settled as paid here, or refunded amounts differ). Importing a day again replaces its report; "
                    + "yesterday's is imported every morning")
    Statements.Report importStatement(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return statements.importDay(day);
    }

    @GetMapping("/statements/{day}")
    @Operation(summary = "The stored report of a day's provider statement and its differences (CLERK, ADMIN); 404 before it was imported")
    Statements.Report statement(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return statements.report(day).orElseThrow(() -> new StatementNotImported(day));
    }
}
