package io.fupin.web.clerk;

import io.fupin.web.format.Formats;
import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk's console. A period is closed into a batch; the batch's page shows the period's reconciliation (each
 * difference with the orders behind it) and the batch: a second clerk approves it seeing masked accounts, the
 * payout file downloads with its control total, and the bank's answer marks it paid with the returned lines,
 * whose money goes back to the households' balances.
 */
@Controller
class ClerkController {

    private final ClerkDesk desk;
    private final Formats formats;

    ClerkController(ClerkDesk desk, Formats formats) {
        this.desk = desk;
        this.formats = formats;
    }

    @GetMapping("/clerk")
    String console() {
        return "redirect:/clerk/periods";
    }

    /** {@code report}: the closed period whose reconciliation report the page shows (the latest when none). */
    @GetMapping("/clerk/periods")
    String periods(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) UUID report,
            Model model) {
        model.addAttribute("reportOf", report);
        return renderPeriods(Math.max(0, page), model, null, Map.of());
    }

    @PostMapping("/clerk/periods")
    String close(@RequestParam Map<String, String> typed, Model model) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        LocalDate first = day(typed.get("firstDay"), "firstDay", invalid);
        LocalDate last = day(typed.get("lastDay"), "lastDay", invalid);
        try {
            if (!invalid.isEmpty()) {
                throw new ApiProblem(400, "invalid-request", "invalid input", invalid);
            }
            ClerkDesk.ClosedPeriod closed = desk.close(first, last);
            return "redirect:/clerk/batches/" + closed.batch().batchId() + "?closed";
        } catch (ApiProblem refused) {
            return renderPeriods(0, model, refused, typed);
        }
    }

    @GetMapping("/clerk/batches/{id}")
    String batch(@PathVariable UUID id, Model model) {
        ClerkDesk.Batch batch = found(() -> desk.batch(id));
        Fetched<ClerkDesk.Report> report = Fetched.of(() -> desk.report(batch.periodId()));
        model.addAttribute("batch", batch);
        model.addAttribute("controlFen", batch.linesTotalFen());
        model.addAttribute("report", report.value());
        model.addAttribute("reportDown", report.down());
        return "clerk/batch";
    }

    @PostMapping("/clerk/batches/{id}/approval")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            desk.approve(id);
            redirect.addFlashAttribute("done", "approved");
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", refused.type());
            redirect.addFlashAttribute("refusedDetail", refused.detail());
        }
        return "redirect:/clerk/batches/" + id;
    }

    /** The bank file, as the API writes it; downloading it is what marks the batch exported. */
    @GetMapping("/clerk/batches/{id}/payout-file")
    ResponseEntity<byte[]> payoutFile(@PathVariable UUID id) {
        ClerkDesk.Batch batch = found(() -> desk.batch(id));
        byte[] file = found(() -> desk.payoutFile(id));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("payout-" + batch.reference() + ".csv").build().toString())
                .body(file);
    }

    /**
     * {@code returned}: the households whose line the bank sent back, ticked; {@code returnedFile}: or the bank's
     * returned lines as a CSV file, each naming a line by household id or registration number (the payout file's
     * first two columns; its header and control line are skipped). Their money returns to their balances. A file
     * line that names no line of the batch refuses the whole form, with its line number, and sends nothing.
     */
    @PostMapping("/clerk/batches/{id}/payment")
    String paid(@PathVariable UUID id, @RequestParam(defaultValue = "") String bankReference,
            @RequestParam(required = false) List<UUID> returned,
            @RequestParam(required = false) MultipartFile returnedFile, RedirectAttributes redirect) {
        if (bankReference.isBlank()) {
            redirect.addFlashAttribute("refused", "bankReference");
            return "redirect:/clerk/batches/" + id;
        }
        Set<UUID> failed = returned == null ? new LinkedHashSet<>() : new LinkedHashSet<>(returned);
        if (returnedFile != null && !returnedFile.isEmpty()) {
            ReturnedLines fromFile = ReturnedLines.read(returnedFile, found(() -> desk.batch(id)).lines());
            if (!fromFile.unknown().isEmpty()) {
                redirect.addFlashAttribute("refused", "returnedFile");
                redirect.addFlashAttribute("refusedLines", fromFile.unknown());
                return "redirect:/clerk/batches/" + id;
            }
            failed.addAll(fromFile.households());
        }
        try {
            desk.markPaid(id, bankReference.strip(), failed);
            redirect.addFlashAttribute("done", "paid");
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", refused.type());
            redirect.addFlashAttribute("refusedDetail", refused.detail());
        }
        return "redirect:/clerk/batches/" + id;
    }

    /**
     * Lines in suspense, each with what a clerk can do: ask its seller to declare the linkage (a note), or allocate
     * it to a version of its product's linkage declared since (chosen from household-service's versions); the
     * follow-ups asked; the households that owe back after a clawback, with a write-off to propose and, once
     * proposed, for another clerk to approve or either to reject; the refunds owed to buyers (order-service).
     */
    @GetMapping("/clerk/suspense")
    String suspense(Model model) {
        Fetched<ApiPage<ClerkDesk.SuspenseLine>> suspense = Fetched.of(() -> desk.suspense(0));
        Fetched<ApiPage<ClerkDesk.OwedRefund>> refunds = Fetched.of(() -> desk.refundsOwed(0));
        Fetched<ApiPage<ClerkDesk.FollowUp>> followUps = Fetched.of(desk::followUps);
        Fetched<ApiPage<ClerkDesk.Owed>> owed = Fetched.of(desk::owed);
        Fetched<ApiPage<ClerkDesk.WriteOff>> writeOffs = Fetched.of(desk::writeOffs);
        Map<UUID, List<ClerkDesk.LinkageVersion>> versions = new HashMap<>();
        if (suspense.value() != null) {
            for (ClerkDesk.SuspenseLine line : suspense.value().items()) {
                versions.computeIfAbsent(line.productId(), product -> {
                    try {
                        Fetched<List<ClerkDesk.LinkageVersion>> found = Fetched.of(() -> desk.linkageVersions(product));
                        return found.value() == null ? List.of() : found.value();
                    } catch (ApiProblem noLinkage) {
                        return List.of();
                    }
                });
            }
        }
        model.addAttribute("suspense", suspense.value());
        model.addAttribute("suspenseDown", suspense.down());
        model.addAttribute("versions", versions);
        model.addAttribute("followUps", followUps.value());
        model.addAttribute("owed", owed.value());
        model.addAttribute("owedDown", owed.down() || writeOffs.down());
        model.addAttribute("writeOffs", writeOffs.value());
        model.addAttribute("refunds", refunds.value());
        model.addAttribute("refundsDown", refunds.down());
        return "clerk/suspense";
    }

    @PostMapping("/clerk/suspense/{orderId}/{lineNo}/follow-up")
    String followUp(@PathVariable UUID orderId, @PathVariable int lineNo, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        if (note.isBlank() || note.strip().length() > 500) {
            return refused(redirect, "note", null, "suspense-" + orderId + "-" + lineNo);
        }
        return act(redirect, "followedUp", "suspense-" + orderId + "-" + lineNo,
                () -> desk.followUp(orderId, lineNo, note.strip()));
    }

    /** {@code version}: {@code <linkageId>:<version>}, as the page's choice of versions sends it. */
    @PostMapping("/clerk/suspense/{orderId}/{lineNo}/allocation")
    String allocate(@PathVariable UUID orderId, @PathVariable int lineNo, @RequestParam(defaultValue = "") String version,
            RedirectAttributes redirect) {
        String[] parts = version.split(":");
        UUID linkage;
        int number;
        try {
            linkage = UUID.fromString(parts[0]);
            number = Integer.parseInt(parts[1]);
        } catch (RuntimeException notAChoice) {
            return refused(redirect, "version", null, "suspense-" + orderId + "-" + lineNo);
        }
        return act(redirect, "allocated", "suspense-title", () -> desk.allocate(orderId, lineNo, linkage, number));
    }

    /** {@code amount}: yuan as typed, read digit by digit into fen. */
    @PostMapping("/clerk/owed/{householdId}/write-off")
    String proposeWriteOff(@PathVariable UUID householdId, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        java.util.OptionalLong fen = io.fupin.web.format.Money.fen(amount);
        if (fen.isEmpty() || fen.getAsLong() <= 0) {
            return refused(redirect, "amount", null, "owed-" + householdId);
        }
        if (note.isBlank() || note.strip().length() > 500) {
            return refused(redirect, "note", null, "owed-" + householdId);
        }
        return act(redirect, "writeOffProposed", "owed-" + householdId,
                () -> desk.proposeWriteOff(householdId, fen.getAsLong(), note.strip()));
    }

    @PostMapping("/clerk/write-offs/{id}/approval")
    String approveWriteOff(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "writeOffApproved", "owed-title", () -> desk.approveWriteOff(id));
    }

    @PostMapping("/clerk/write-offs/{id}/rejection")
    String rejectWriteOff(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "writeOffRejected", "owed-title", () -> desk.rejectWriteOff(id));
    }

    private static String act(RedirectAttributes redirect, String done, String anchor, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("done", done);
        } catch (ApiProblem refused) {
            return refused(redirect, refused.type(), refused.detail(), anchor);
        }
        return "redirect:/clerk/suspense#" + anchor;
    }

    private static String refused(RedirectAttributes redirect, String what, String detail, String anchor) {
        redirect.addFlashAttribute("refused", what);
        redirect.addFlashAttribute("refusedDetail", detail);
        redirect.addFlashAttribute("refusedAt", anchor);
        return "redirect:/clerk/suspense#" + anchor;
    }

    /**
     * A household's statement found by its id (straight to it), or the households of a village and/or those whose
     * registration number or (masked) name contains what was typed, each linking to its statement and its CSV.
     */
    @GetMapping("/clerk/households")
    String findStatement(@RequestParam(required = false) String household,
            @RequestParam(required = false) UUID village, Model model) {
        String typed = household == null ? "" : household.strip();
        if (!typed.isEmpty()) {
            try {
                return "redirect:/clerk/households/" + UUID.fromString(typed);
            } catch (IllegalArgumentException notAnId) {
                // a registration number or a fragment of a name: searched below
            }
        }
        Fetched<List<ClerkDesk.Place>> places = Fetched.of(desk::places);
        model.addAttribute("villages", places.value() == null ? List.of() : HouseholdSearch.villages(places.value()));
        model.addAttribute("placesDown", places.down());
        model.addAttribute("household", typed);
        model.addAttribute("village", village);
        model.addAttribute("householdsDown", false);
        if (typed.isEmpty() && village == null) {
            return "clerk/households";
        }
        Fetched<HouseholdSearch.Found> found = Fetched.of(() -> HouseholdSearch.find(desk, village, typed));
        model.addAttribute("found", found.value());
        model.addAttribute("householdsDown", found.down());
        return "clerk/households";
    }

    @GetMapping("/clerk/households/{id}")
    String statement(@PathVariable UUID id, Model model) {
        model.addAttribute("statement", found(() -> desk.statement(id)));
        return "clerk/statement";
    }

    @GetMapping("/clerk/households/{id}/statement.csv")
    ResponseEntity<byte[]> statementCsv(@PathVariable UUID id) {
        byte[] csv = found(() -> desk.statementCsv(id));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statement-" + id + ".csv").build().toString())
                .body(csv);
    }

    private String renderPeriods(int page, Model model, ApiProblem problem, Map<String, String> typed) {
        ApiPage<ClerkDesk.PeriodSummary> periods = desk.periods(page, 50);
        model.addAttribute("periods", periods);
        model.addAttribute("problem", problem);
        LocalDate today = formats.today();
        // The next period starts the day after the last one closed; by default it ends yesterday.
        LocalDate suggestedFirst = periods.items().isEmpty() ? today.minusDays(7)
                : periods.items().getLast().lastDay().plusDays(1);
        model.addAttribute("firstDay", typed.getOrDefault("firstDay", suggestedFirst.toString()));
        model.addAttribute("lastDay", typed.getOrDefault("lastDay", today.minusDays(1).toString()));
        // The reconciliation report of the period chosen, or of the latest closed one, on the page itself.
        UUID chosen = (UUID) model.getAttribute("reportOf");
        UUID reported = chosen != null ? chosen
                : periods.items().isEmpty() ? null : periods.items().getLast().periodId();
        if (reported != null) {
            Fetched<ClerkDesk.Report> report = Fetched.of(() -> desk.report(reported));
            model.addAttribute("report", report.value());
            model.addAttribute("reportDown", report.down());
            model.addAttribute("reportedPeriod", reported);
        }
        return "clerk/periods";
    }

    private static <T> T found(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiProblem problem) {
            throw new ResponseStatusException(problem.status() == 409 ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND,
                    problem.detail());
        }
    }

    private static LocalDate day(String typed, String field, List<ApiProblem.FieldError> invalid) {
        try {
            return LocalDate.parse(typed == null ? "" : typed.strip());
        } catch (DateTimeParseException e) {
            invalid.add(new ApiProblem.FieldError(field, "not a date"));
            return null;
        }
    }
}
