package io.fupin.web.official;

import io.fupin.web.format.Formats;
import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official's console: certification requests to decide (approve, or reject with a reason), certified products
 * to revoke with a reason, cost changes waiting for a decision, and income progress against the target by town
 * and village (a chart and the same figures as a table) down to the households behind it.
 */
@Controller
class OfficialController {

    static final List<String> QUEUES = List.of("CERTIFICATION_REQUESTED", "ON_SALE", "SUSPENDED");
    static final List<String> PROGRESS = List.of("BEHIND", "ON_TRACK", "REACHED");

    private final OfficialDesk desk;
    private final Formats formats;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    OfficialController(OfficialDesk desk, Formats formats, MessageSource messages) {
        this.desk = desk;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/official")
    String console() {
        return "redirect:/official/certifications";
    }

    @GetMapping("/official/certifications")
    String certifications(@RequestParam(defaultValue = "CERTIFICATION_REQUESTED") String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String queue = QUEUES.contains(status) ? status : "CERTIFICATION_REQUESTED";
        model.addAttribute("products", desk.products(queue, Math.max(0, page)));
        model.addAttribute("status", queue);
        model.addAttribute("queues", QUEUES);
        return "official/certifications";
    }

    @PostMapping("/official/certifications/{id}/approval")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(redirect, "/official/certifications", "approved", () -> desk.approve(id));
    }

    /** Rejecting a request and revoking a certificate both need the reason the seller will read. */
    @PostMapping("/official/certifications/{id}/{decision:reject|revoke}")
    String decide(@PathVariable UUID id, @PathVariable String decision,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String from,
            RedirectAttributes redirect) {
        String back = "/official/certifications" + (QUEUES.contains(from) ? "?status=" + from : "");
        if (reason.isBlank()) {
            redirect.addFlashAttribute("refused", "reason");
            redirect.addFlashAttribute("refusedFor", id);
            return "redirect:" + back;
        }
        return step(redirect, back, "reject".equals(decision) ? "rejected" : "revoked", () -> desk.decide(id, decision, reason.strip()));
    }

    @GetMapping("/official/cost-changes")
    String costChanges(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("changes", desk.costChanges(Math.max(0, page)));
        return "official/cost-changes";
    }

    @PostMapping("/official/cost-changes/{id}/{decision:approve|reject}")
    String decideCostChange(@PathVariable UUID id, @PathVariable String decision,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        boolean approve = "approve".equals(decision);
        if (!approve && reason.isBlank()) {
            redirect.addFlashAttribute("refused", "reason");
            redirect.addFlashAttribute("refusedFor", id);
            return "redirect:/official/cost-changes";
        }
        return step(redirect, "/official/cost-changes", "cost-" + decision,
                () -> desk.decideCostChange(id, approve, reason.strip()));
    }

    /**
     * A place's progress this year: the district's towns, a town's villages, or a village's households. The
     * households listed default to those behind target.
     */
    @GetMapping("/official/progress")
    String progress(@RequestParam(required = false) UUID place, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "BEHIND") String status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        int shownYear = year == null ? formats.today().getYear() : year;
        UUID placeId = place != null ? place : desk.district();
        if (placeId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no place registered yet");
        }
        OfficialDesk.PlaceReport report;
        try {
            report = desk.report(placeId, shownYear);
        } catch (ApiProblem unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.detail());
        }
        String filter = PROGRESS.contains(status) ? status : null;
        Fetched<ApiPage<OfficialDesk.Progress>> households = "VILLAGE".equals(report.kind())
                ? Fetched.of(() -> desk.households(placeId, shownYear, filter, Math.max(0, page)))
                : new Fetched<>(null, false);
        model.addAttribute("report", report);
        model.addAttribute("chart", chart(report, shownYear));
        model.addAttribute("year", shownYear);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", PROGRESS);
        model.addAttribute("households", households.value());
        model.addAttribute("householdsDown", households.down());
        return "official/progress";
    }

    /** The chart's data, read by {@code static/js/progress-chart.js}: one bar per part, its page to drill down to. */
    private String chart(OfficialDesk.PlaceReport report, int year) {
        List<Map<String, Object>> parts = report.parts() == null ? List.of() : report.parts().stream()
                .map(part -> Map.<String, Object>of("name", part.name(), "reached", part.total().reached(),
                        "onTrack", part.total().onTrack(), "behind", part.total().behind(),
                        "href", "/official/progress?place=" + part.placeId() + "&year=" + year))
                .toList();
        return json.writeValueAsString(Map.of("parts", parts, "labels", Map.of(
                "reached", messages.getMessage("official.status.REACHED", null, LocaleContextHolder.getLocale()),
                "onTrack", messages.getMessage("official.status.ON_TRACK", null, LocaleContextHolder.getLocale()),
                "behind", messages.getMessage("official.status.BEHIND", null, LocaleContextHolder.getLocale()))));
    }

    private static String step(RedirectAttributes redirect, String back, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", done);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", refused.type());
            redirect.addFlashAttribute("refusedDetail", refused.detail());
        }
        return "redirect:" + back;
    }
}
