package io.fupin.household.income;

import io.fupin.household.common.InvalidInput;
import io.fupin.household.registry.HouseholdId;
import io.fupin.support.csv.CsvCells;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Income targets", description = "Progress toward each household's yearly income target, and reports by place")
class ProgressController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final IncomeProgress progress;

    ProgressController(IncomeProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/households/{householdId}/progress")
    @Operation(summary = "A household's income, target, percent, status and date reached this year (OFFICIAL, ADMIN, CLERK)")
    HouseholdProgress household(@PathVariable HouseholdId householdId, @RequestParam(required = false) Integer year) {
        return progress.of(householdId, checked(year));
    }

    @GetMapping("/api/households/reports/places/{placeId}")
    @Operation(summary = "A village's, town's or district's figures, with its towns or villages (OFFICIAL, ADMIN)")
    PlaceReport report(@PathVariable UUID placeId, @RequestParam(required = false) Integer year) {
        return progress.report(placeId, checked(year));
    }

    @GetMapping("/api/households/reports/places/{placeId}/households")
    @Operation(summary = "Every household's progress in the place, optionally only one status (OFFICIAL, ADMIN)")
    Page<HouseholdProgress> households(@PathVariable UUID placeId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) ProgressStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return progress.inPlace(placeId, checked(year), status, PageRequest.of(page, size, 1000));
    }

    @GetMapping(path = "/api/households/reports/places/{placeId}/households.csv", produces = "text/csv")
    @Operation(summary = "The same as CSV, one row per household (OFFICIAL, ADMIN)")
    ResponseEntity<byte[]> householdsCsv(@PathVariable UUID placeId,
            @RequestParam(required = false) Integer year) {
        StringBuilder csv = new StringBuilder("registrationNumber,headName,category,town,village,year,incomeFen,targetFen,percent,status,reachedOn\r\n");
        progress.inPlace(placeId, checked(year)).forEach(p -> csv.append(householdRow(p)));
        return csv("household-progress.csv", csv.toString());
    }

    @GetMapping(path = "/api/households/reports/places/{placeId}.csv", produces = "text/csv")
    @Operation(summary = "The place's figures and those of its towns or villages as CSV (OFFICIAL, ADMIN)")
    ResponseEntity<byte[]> reportCsv(@PathVariable UUID placeId, @RequestParam(required = false) Integer year) {
        PlaceReport report = progress.report(placeId, checked(year));
        StringBuilder csv = new StringBuilder("place,kind,year,households,registeredPoor,marginal,reached,onTrack,behind,"
                + "totalIncomeFen,averageIncomeFen,averageIncomeOfReachedFen\r\n");
        row(csv, report);
        report.parts().forEach(part -> row(csv, part));
        return csv("income-report.csv", csv.toString());
    }

    private static void row(StringBuilder csv, PlaceReport r) {
        PlaceReport.Figures t = r.total();
        csv.append(CsvCells.row(r.name(), r.kind().name(), Integer.toString(r.year()),
                Integer.toString(t.households()), Integer.toString(r.byCategory().get("REGISTERED_POOR").households()),
                Integer.toString(r.byCategory().get("MARGINAL").households()), Integer.toString(t.reached()),
                Integer.toString(t.onTrack()), Integer.toString(t.behind()), Long.toString(t.totalIncomeFen()),
                Long.toString(t.averageIncomeFen()), Long.toString(t.averageIncomeOfReachedFen())));
    }

    /** One household's row; names pass the formula guard like every cell. */
    static String householdRow(HouseholdProgress p) {
        return CsvCells.row(p.registrationNumber(), p.headName(), p.category().name(), p.townName(), p.villageName(),
                Integer.toString(p.year()), Long.toString(p.incomeFen()), Long.toString(p.targetFen()),
                p.percent().toPlainString(), p.status().name(), p.reachedOn() == null ? "" : p.reachedOn().toString());
    }

    private static ResponseEntity<byte[]> csv(String name, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A BOM so that Excel opens Chinese names correctly.
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }

    private static Integer checked(Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw InvalidInput.of("year", "must be between 2000 and 2100");
        }
        return year;
    }
}
