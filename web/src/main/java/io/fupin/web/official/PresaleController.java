package io.fupin.web.official;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The presale rule made visible: every household that offers a presale needs at least one subscriber; this lists,
 * village by village, the households whose open offers nobody has subscribed to yet (household-service's count).
 */
@Controller
class PresaleController {

    private final OfficialDesk desk;

    PresaleController(OfficialDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/official/presale")
    String withoutSubscribers(@RequestParam(defaultValue = "0") int page, Model model) {
        var villages = desk.withoutSubscribers(Math.max(0, page));
        model.addAttribute("villages", villages);
        model.addAttribute("households", villages.items().stream().mapToInt(v -> v.households().size()).sum());
        return "official/presale";
    }
}
