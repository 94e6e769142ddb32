package io.fupin.household.registry;

import io.fupin.household.common.InvalidInput;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/households")
@Tag(name = "Households", description = "The registry of poor and marginal households")
class HouseholdController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    /** The largest CSV accepted as a body; spring.servlet.multipart holds an upload to the same 20 MB. */
    static final int MAX_IMPORT_BYTES = 20 * 1024 * 1024;

    private final Registry registry;
    private final HouseholdImport householdImport;

    HouseholdController(Registry registry, HouseholdImport householdImport) {
        this.registry = registry;
        this.householdImport = householdImport;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a household (OFFICIAL, ADMIN)")
    HouseholdView register(Caller caller, @RequestBody HouseholdForm form) {
        return registry.register(caller, form);
    }

    @PutMapping("/{householdId}")
    @Operation(summary = "Change a household (OFFICIAL, ADMIN); If-Match: the version you read. "
            + "Leave identityNumber or accountNumber out to keep them. A new payout account (bank or number) waits "
            + "for a second person's approval: see pendingAccountChange.")
    HouseholdView update(Caller caller, @PathVariable HouseholdId householdId, @RequestBody HouseholdForm form,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return registry.update(caller, householdId, form, version(ifMatch));
    }

    @GetMapping("/{householdId}")
    @Operation(summary = "One household: unmasked and audited for OFFICIAL and ADMIN, masked for CLERK and for a SELLER "
            + "whose products it is linked to")
    HouseholdView view(Caller caller, @PathVariable HouseholdId householdId) {
        return registry.view(caller, householdId);
    }

    @GetMapping
    @Operation(summary = "Households of a village, town or district, masked (OFFICIAL, ADMIN, CLERK; a SELLER only those "
            + "linked to its products)")
    Page<HouseholdView> list(Caller caller, @RequestParam(required = false) UUID placeId,
            @RequestParam(required = false) HouseholdCategory category,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return registry.list(caller, placeId, category, PageRequest.of(page, size, 1000));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import households from CSV (UTF-8 with or without BOM, or GBK) (OFFICIAL, ADMIN). "
            + "dryRun=true (the default) reports every bad row; dryRun=false registers all rows or none. "
            + "A file over 20 MB answers 413 and registers nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/plain", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                            schema = @Schema(type = "string", format = "binary"))}))
    ImportReport importCsv(Caller caller, @Parameter(hidden = true) InputStream body,
            @RequestParam(defaultValue = "true") boolean dryRun) throws IOException {
        // Read no more than the limit and one byte: the gateway refuses larger bodies, a direct call must not get further.
        byte[] file = body.readNBytes(MAX_IMPORT_BYTES + 1);
        if (file.length > MAX_IMPORT_BYTES) {
            throw new MaxUploadSizeExceededException(MAX_IMPORT_BYTES);
        }
        return householdImport.importCsv(caller, file, dryRun);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import households from an uploaded CSV file (part 'file'); same rules as the text/csv form")
    ImportReport importUpload(Caller caller, @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun) {
        try {
            return householdImport.importCsv(caller, file.getBytes(), dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/export", produces = "text/csv")
    @Operation(summary = "Households in the import format, unmasked and audited (OFFICIAL, ADMIN)")
    ResponseEntity<byte[]> export(Caller caller, @RequestParam(required = false) UUID placeId) {
        byte[] csv = householdImport.exportCsv(caller, placeId);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("households.csv").build().toString())
                .body(csv);
    }

    @GetMapping("/account-changes")
    @Operation(summary = "New payout accounts waiting for a second person's approval (OFFICIAL, ADMIN)")
    Page<AccountChange> pendingAccountChanges(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return registry.pendingAccountChanges(PageRequest.of(page, size, 1000));
    }

    @PostMapping("/account-changes/{changeId}/approve")
    @Operation(summary = "Approve a new payout account (OFFICIAL, ADMIN, not the person who asked: 409 own-approval)")
    HouseholdView approveAccountChange(Caller caller, @PathVariable UUID changeId) {
        return registry.approveAccountChange(caller, changeId);
    }

    @PostMapping("/account-changes/{changeId}/reject")
    @Operation(summary = "Reject a new payout account; the household keeps its account (OFFICIAL, ADMIN, not the asker)")
    AccountChange rejectAccountChange(Caller caller, @PathVariable UUID changeId) {
        return registry.rejectAccountChange(caller, changeId);
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "must be the household's version number");
        }
    }
}
