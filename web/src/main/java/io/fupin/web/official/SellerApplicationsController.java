package io.fupin.web.official;

import io.fupin.web.gateway.ApiProblem;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The official's queue of seller applications: approve (the seller is registered), or reject with a reason. */
@Controller
class SellerApplicationsController {

    private static final String BACK = "redirect:/official/seller-applications";

    private final OfficialDesk desk;

    SellerApplicationsController(OfficialDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/official/seller-applications")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("applications", desk.sellerApplications(Math.max(0, page)));
        return "official/seller-applications";
    }

    @PostMapping("/official/seller-applications/{id}/{decision:approve|reject}")
    String decide(@PathVariable UUID id, @PathVariable String decision,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        boolean approve = "approve".equals(decision);
        if (!approve && reason.isBlank()) {
            redirect.addFlashAttribute("refused", "reason");
            redirect.addFlashAttribute("refusedFor", id);
            return BACK;
        }
        try {
            desk.decideSellerApplication(id, approve, reason.strip());
            redirect.addFlashAttribute("done", approve ? "application-approved" : "application-rejected");
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", refused.type());
            redirect.addFlashAttribute("refusedDetail", refused.detail());
        }
        return BACK;
    }
}
