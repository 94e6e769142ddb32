package io.fupin.settlement.resolution;

import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
@Tag(name = "Suspense and money owed back", description = "Act on lines in suspense and on what households owe back "
        + "after a clawback (actions CLERK only; lists CLERK, ADMIN)")
class ResolutionController {

    private final SuspenseDesk suspense;
    private final OwedDesk owed;

    ResolutionController(SuspenseDesk suspense, OwedDesk owed) {
        this.suspense = suspense;
        this.owed = owed;
    }

    record FollowUpRequest(@NotBlank @Size(max = 500) String note) {
    }

    record AllocationRequest(@NotNull UUID linkageId, @NotNull @Min(1) @Max(1_000_000) Integer version) {
    }

    record WriteOffRequest(@NotNull @Positive @Max(100_000_000_000L) Long amountFen,
            @NotBlank @Size(max = 500) String note) {
    }

    @PostMapping("/suspense/{orderId}/lines/{lineNo}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask the line's seller (or an official) to declare the linkage a line in suspense lacks",
            description = "Records the clerk's note with who asked and when; no money moves. The same note on the same "
                    + "line by the same clerk is recorded once. 404 for a line settlement never saw paid, 409 "
                    + "`not-in-suspense` for a line allocated already.")
    SuspenseDesk.FollowUp followUp(Caller caller, @PathVariable UUID orderId, @PathVariable int lineNo,
            @Valid @RequestBody FollowUpRequest request) {
        return suspense.followUp(orderId, lineNo, request.note(), caller);
    }

    @GetMapping("/suspense/follow-ups")
    @Operation(summary = "The clerks' follow-ups on lines in suspense, newest first, each saying whether its line has "
            + "left suspense since; one page (size ≤ 1000)")
    Page<SuspenseDesk.FollowUp> followUps(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return suspense.followUps(PageRequest.of(page, size, 1000));
    }

    @PostMapping("/suspense/{orderId}/lines/{lineNo}/allocation")
    @Operation(summary = "Allocate a line in suspense to a version of its product's linkage declared since",
            description = "The line's net leaves suspense for the version's households (held, or payable once the order "
                    + "completed) in one balanced entry keyed like the automatic allocation; the same version again "
                    + "changes nothing (`allocatedNow: false`). 400 naming `linkageId` for a version settlement has not "
                    + "recorded for this product, 409 `not-in-suspense` for a line allocated otherwise or refunded in full.")
    SuspenseDesk.Allocated allocate(Caller caller, @PathVariable UUID orderId,
            @PathVariable int lineNo, @Valid @RequestBody AllocationRequest request) {
        return suspense.allocate(orderId, lineNo, request.linkageId(), request.version(), caller);
    }

    @GetMapping("/owed")
    @Operation(summary = "Households that owe back after a clawback, most owed first; one page (size ≤ 1000)",
            description = "Each with `owedFen` (its payable balance below zero), `heldFen` (held for it, which recovers "
                    + "the debt first once its orders complete; batches pay only positive balances) and the write-off "
                    + "waiting for a second clerk, if any.")
    Page<OwedDesk.OwedBalance> owed(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return owed.owed(PageRequest.of(page, size, 1000));
    }

    @PostMapping("/owed/{householdId}/write-offs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose writing off what a household owes back (a second clerk approves)",
            description = "Nothing is posted until approval. 400 naming `amountFen` above what is owed, 409 "
                    + "`nothing-owed`, 409 `write-off-pending` while another proposal for the household waits (the same "
                    + "proposal sent again by its clerk answers it unchanged).")
    OwedDesk.WriteOff propose(Caller caller, @PathVariable UUID householdId, @Valid @RequestBody WriteOffRequest request) {
        return owed.propose(householdId, request.amountFen(), request.note(), caller);
    }

    @GetMapping("/write-offs")
    @Operation(summary = "Write-offs proposed, approved and rejected, newest first; one page (size ≤ 1000)")
    Page<OwedDesk.WriteOff> writeOffs(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return owed.writeOffs(PageRequest.of(page, size, 1000));
    }

    @PostMapping("/write-offs/{writeOffId}/approval")
    @Operation(summary = "Approve a write-off (a clerk other than the one who proposed it)",
            description = "Posts `write-off:<id>`: the household's payable credited, `WRITTEN_OFF` debited. 409 "
                    + "`own-approval`, 409 `exceeds-owed` when later payable recovered part of it, 409 "
                    + "`write-off-decided` once rejected; approving an approved one again changes nothing.")
    OwedDesk.WriteOff approve(Caller caller, @PathVariable UUID writeOffId) {
        return owed.approve(writeOffId, caller);
    }

    @PostMapping("/write-offs/{writeOffId}/rejection")
    @Operation(summary = "Reject a proposed write-off (or its maker withdraws it); nothing is posted")
    OwedDesk.WriteOff reject(Caller caller, @PathVariable UUID writeOffId) {
        return owed.reject(writeOffId, caller);
    }
}
