package io.fupin.web.official;

import io.fupin.web.gateway.ApiProblem;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Household import from CSV in two steps: the file is first checked by household-service (a dry run, nothing
 * written) and its report shown line by line; only a file whose every line passed can then be imported, and the
 * import sends the very bytes that were checked (kept in the session until then), not a second upload.
 */
@Controller
class HouseholdImportController {

    static final String PENDING = "official.pendingImport";

    /** A file that passed its dry run, waiting for the official to import it. */
    record PendingImport(UUID id, String filename, byte[] content, int rows) implements Serializable {
    }

    /** The report's bad lines, each with its errors; errors about the whole file (no line) under line 0. */
    record Line(int line, List<OfficialDesk.ImportError> errors) {
    }

    private final OfficialDesk desk;

    HouseholdImportController(OfficialDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/official/households/import")
    String form() {
        return "official/import";
    }

    @PostMapping("/official/households/import")
    String dryRun(@RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
        session.removeAttribute(PENDING);
        String filename = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "households.csv"
                : file.getOriginalFilename();
        byte[] content = file.getBytes();
        OfficialDesk.ImportReport report;
        try {
            report = desk.importHouseholds(filename, content, true);
        } catch (ApiProblem refused) {
            return refused(refused, model);
        }
        model.addAttribute("report", report);
        model.addAttribute("filename", filename);
        model.addAttribute("lines", lines(report.errors()));
        if (report.errors().isEmpty() && report.validRows() > 0) {
            PendingImport pending = new PendingImport(UUID.randomUUID(), filename, content, report.validRows());
            session.setAttribute(PENDING, pending);
            model.addAttribute("pending", pending);
        }
        return "official/import";
    }

    @PostMapping("/official/households/import/confirm")
    String importChecked(@RequestParam UUID pending, HttpSession session, Model model,
            RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING) instanceof PendingImport checked) || !checked.id().equals(pending)) {
            redirect.addFlashAttribute("refused", "import-not-checked");
            return "redirect:/official/households/import";
        }
        try {
            OfficialDesk.ImportReport report = desk.importHouseholds(checked.filename(), checked.content(), false);
            session.removeAttribute(PENDING);
            redirect.addFlashAttribute("imported", report.imported());
            return "redirect:/official/households/import";
        } catch (ApiProblem refused) {
            // Something changed since the dry run (e.g. a household registered meanwhile): nothing was imported.
            session.removeAttribute(PENDING);
            return refused(refused, model);
        }
    }

    private static String refused(ApiProblem refused, Model model) {
        model.addAttribute("refused", refused.type());
        model.addAttribute("refusedDetail", refused.detail());
        model.addAttribute("lines", lines(refused.errors().stream()
                .map(e -> new OfficialDesk.ImportError(e.field(), e.message(), e.line())).toList()));
        return "official/import";
    }

    static List<Line> lines(List<OfficialDesk.ImportError> errors) {
        SortedMap<Integer, List<OfficialDesk.ImportError>> byLine = errors.stream().collect(Collectors.groupingBy(
                e -> e.line() == null ? 0 : e.line(), TreeMap::new, Collectors.toList()));
        return byLine.entrySet().stream().map((Map.Entry<Integer, List<OfficialDesk.ImportError>> e) ->
                new Line(e.getKey(), e.getValue())).toList();
    }
}
