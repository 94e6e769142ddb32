package io.fupin.web.admin;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's console: each consuming service's dead letters (why each could not be read, how many are
 * outstanding) with a replay button, the payment callbacks refused for a wrong amount, and per-product livestream
 * limits. A service that does not answer is said so in its part; the others still show.
 */
@Controller
class AdminController {

    private final AdminDesk desk;

    AdminController(AdminDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/admin")
    String console() {
        return "redirect:/admin/dead-letters";
    }

    @GetMapping("/admin/dead-letters")
    String deadLetters(Model model) {
        Map<String, Fetched<AdminDesk.DeadLetters>> services = new LinkedHashMap<>();
        AdminDesk.CONSUMERS.forEach(service -> services.put(service, Fetched.of(() -> desk.deadLetters(service))));
        model.addAttribute("services", services);
        return "admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{service}/replay")
    String replay(@PathVariable String service, RedirectAttributes redirect) {
        if (!AdminDesk.CONSUMERS.contains(service)) {
            return "redirect:/admin/dead-letters";
        }
        redirect.addFlashAttribute("replayed", desk.replay(service));
        redirect.addFlashAttribute("replayedService", service);
        return "redirect:/admin/dead-letters";
    }

    @GetMapping("/admin/payment-flags")
    String flags(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("flags", desk.flags(Math.max(0, page)));
        return "admin/payment-flags";
    }

    @GetMapping("/admin/livestream-limits")
    String limits(@RequestParam(required = false) String product, Model model) {
        model.addAttribute("product", product);
        if (product != null && !product.isBlank()) {
            try {
                model.addAttribute("limit", desk.limit(UUID.fromString(product.strip())));
            } catch (IllegalArgumentException | ApiProblem notAProduct) {
                model.addAttribute("invalid", "product");
            }
        }
        return "admin/livestream-limits";
    }

    @PostMapping("/admin/livestream-limits")
    String setLimit(@RequestParam(defaultValue = "") String product, @RequestParam(defaultValue = "") String max,
            Model model, RedirectAttributes redirect) {
        UUID id;
        try {
            id = UUID.fromString(product.strip());
        } catch (IllegalArgumentException notAnId) {
            model.addAttribute("product", product);
            model.addAttribute("invalid", "product");
            return "admin/livestream-limits";
        }
        String units = max.strip();
        if (!units.matches("\\d{1,5}") || Integer.parseInt(units) < 1 || Integer.parseInt(units) > 10_000) {
            model.addAttribute("product", product);
            model.addAttribute("invalid", "max");
            return "admin/livestream-limits";
        }
        try {
            desk.setLimit(id, Integer.parseInt(units));
            redirect.addFlashAttribute("done", true);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", refused.detail());
        }
        return "redirect:/admin/livestream-limits?product=" + id;
    }
}
