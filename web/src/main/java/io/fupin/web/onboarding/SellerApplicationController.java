package io.fupin.web.onboarding;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.CurrentUser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in consumer applies to join as a seller and follows its applications: pending, approved (with the
 * seller's id), or rejected with the official's reason.
 */
@Controller
class SellerApplicationController {

    static final List<String> KINDS = List.of("COOPERATIVE", "ENTERPRISE", "VILLAGE_COLLECTIVE");
    static final List<String> FIELDS = List.of("name", "kind", "creditCode", "contactName", "contactPhone", "town",
            "village", "documents");

    record Mine(List<SellerApplication> items) {
    }

    private final Gateway gateway;
    private final CurrentUser user;

    SellerApplicationController(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    @GetMapping("/account/seller-application")
    String page(Model model) {
        return render(model, Map.of(), null);
    }

    @PostMapping("/account/seller-application")
    String apply(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = new HashMap<>();
        FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "").strip()));
        List<String> documents = Arrays.stream(typed.get("documents").split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", typed.get("name"));
        body.put("kind", KINDS.contains(typed.get("kind")) ? typed.get("kind") : null);
        body.put("creditCode", typed.get("creditCode").toUpperCase(java.util.Locale.ROOT));
        body.put("contact", Map.of("name", typed.get("contactName"), "phone", typed.get("contactPhone")));
        body.put("town", typed.get("town"));
        body.put("village", typed.get("village"));
        body.put("documents", documents);
        try {
            gateway.post(user.requireToken(), "/api/catalog/seller-applications", body, Map.of(),
                    SellerApplication.class);
        } catch (ApiProblem refused) {
            return render(model, typed, refused);
        }
        redirect.addFlashAttribute("applied", true);
        return "redirect:/account/seller-application";
    }

    private String render(Model model, Map<String, String> typed, ApiProblem problem) {
        List<SellerApplication> mine = gateway.get(user.requireToken(), "/api/catalog/seller-applications/mine",
                Mine.class).items();
        model.addAttribute("applications", mine);
        model.addAttribute("waiting", mine.stream().anyMatch(a -> "PENDING".equals(a.status())));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("typed", typed);
        model.addAttribute("problem", problem);
        model.addAttribute("bad", badFields(problem));
        return "account/seller-application";
    }

    /** The form's fields the API refused, by the API's names ({@code contact.phone}, {@code documents[0]}). */
    static Map<String, Boolean> badFields(ApiProblem problem) {
        Map<String, Boolean> bad = new HashMap<>();
        FIELDS.forEach(field -> bad.put(field, false));
        if (problem == null) {
            return bad;
        }
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String form = switch (field) {
                case "contact.name" -> "contactName";
                case "contact.phone", "contact" -> "contactPhone";
                default -> field.startsWith("documents") ? "documents" : field;
            };
            if (bad.containsKey(form)) {
                bad.put(form, true);
            }
        }
        if ("duplicate-credit-code".equals(problem.type())) {
            bad.put("creditCode", true);
        }
        return bad;
    }
}
