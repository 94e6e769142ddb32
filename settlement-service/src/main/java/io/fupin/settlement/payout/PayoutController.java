package io.fupin.settlement.payout;

import io.fupin.settlement.allocation.ProceedsAllocation;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settlements")
@Tag(name = "Periods and payouts", description = "Close periods, reconcile, approve, export and pay batches (CLERK, ADMIN)")
class PayoutController {

    private final Payouts payouts;
    private final Reconciliation reconciliation;

    PayoutController(Payouts payouts, Reconciliation reconciliation) {
        this.payouts = payouts;
        this.reconciliation = reconciliation;
    }

    record CloseRequest(@NotNull LocalDate firstDay, @NotNull LocalDate lastDay) {
    }

    record PaidRequest(@NotBlank @Size(max = 100) String bankReference, Set<UUID> failedHouseholdIds) {
    }

    @PostMapping("/periods")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close a period (days in Asia/Shanghai, both inclusive) into a payout batch")
    ResponseEntity<Payouts.ClosedPeriod> close(Caller caller, @Valid @RequestBody CloseRequest request) {
        Payouts.ClosedPeriod closed = payouts.close(request.firstDay(), request.lastDay(), caller);
        return ResponseEntity.created(URI.create("/api/settlements/periods/" + closed.periodId().value())).body(closed);
    }

    @GetMapping("/periods")
    @Operation(summary = "Closed periods and their batches")
    Page<Payouts.PeriodSummary> periods(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return payouts.periods(PageRequest.of(page, size, 200));
    }

    @GetMapping("/periods/{periodId}/report")
    @Operation(summary = "The reconciliation report of a closed period, as it stood at close")
    ReconciliationReport report(@PathVariable SettlementPeriodId periodId) {
        return payouts.report(periodId);
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "A reconciliation report for any range of days, computed now")
    ReconciliationReport reconcile(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reconciliation.forDays(from, to);
    }

    @GetMapping("/suspense")
    @Operation(summary = "Paid lines whose net sits in suspense because no linkage was in force")
    Page<ProceedsAllocation.SuspenseLine> suspense(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return Page.slice(reconciliation.suspense(), PageRequest.of(page, size, 1000));
    }

    @GetMapping("/ledger/balances")
    @Operation(summary = "Trial balance: signed balance of every account type (debit positive); sums to zero")
    Map<AccountType, Long> balances() {
        return reconciliation.balances();
    }

    @GetMapping("/batches/{batchId}")
    @Operation(summary = "A payout batch and its lines")
    BatchView batch(@PathVariable PayoutBatchId batchId) {
        return payouts.batchView(batchId);
    }

    @PostMapping("/batches/{batchId}/approval")
    @Operation(summary = "Approve a batch (a clerk other than the one who closed it)")
    BatchView approve(Caller caller, @PathVariable PayoutBatchId batchId) {
        return payouts.approve(batchId, caller);
    }

    @GetMapping(value = "/batches/{batchId}/payout-file", produces = "text/csv")
    @Operation(summary = "The bank payout file of an approved batch (CSV, UTF-8, control total line)")
    ResponseEntity<byte[]> payoutFile(Caller caller, @PathVariable PayoutBatchId batchId) {
        Payouts.PayoutFileContent file = payouts.export(batchId, caller);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.csv());
    }

    @PostMapping("/batches/{batchId}/payment")
    @Operation(summary = "Mark a batch paid with the bank's reference; failed lines go back to the balances")
    BatchView paid(Caller caller, @PathVariable PayoutBatchId batchId, @Valid @RequestBody PaidRequest request) {
        return payouts.markPaid(batchId, request.bankReference(),
                request.failedHouseholdIds() == null ? Set.of() : request.failedHouseholdIds(), caller);
    }
}
