package io.fupin.web.seller;

import io.fupin.web.format.Formats;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import io.fupin.web.gateway.ServiceDown;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sales and settlement: what the seller's lines paid in a range of days brought in, per product, and where the
 * money stands (held, payable, in a payout batch, paid to households), as settlement's ledger has it.
 */
@Controller
class SellerSalesController {

    private final SellerDesk desk;
    private final Formats formats;

    SellerSalesController(SellerDesk desk, Formats formats) {
        this.desk = desk;
        this.formats = formats;
    }

    /** Without days: this month so far. A day that is not a date, or a range the API refuses, is named by its field. */
    @GetMapping("/seller/sales")
    String sales(@RequestParam(required = false) String firstDay, @RequestParam(required = false) String lastDay,
            Model model) {
        LocalDate today = formats.today();
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        LocalDate from = day(firstDay, today.withDayOfMonth(1), "firstDay", invalid);
        LocalDate to = day(lastDay, today, "lastDay", invalid);
        model.addAttribute("typed", Map.of("firstDay", firstDay == null ? from.toString() : firstDay,
                "lastDay", lastDay == null ? to.toString() : lastDay));
        model.addAttribute("thisMonth", today.withDayOfMonth(1));
        model.addAttribute("lastMonth", today.withDayOfMonth(1).minusMonths(1));
        model.addAttribute("today", today);
        if (!invalid.isEmpty()) {
            model.addAttribute("problem", new ApiProblem(400, "invalid-request", "invalid input", invalid));
            return "seller/sales";
        }
        try {
            Fetched<SellerDesk.Sales> sales = Fetched.of(() -> desk.sales(from, to));
            model.addAttribute("sales", sales.value());
            model.addAttribute("salesDown", sales.down());
        } catch (ApiProblem refused) {
            model.addAttribute("problem", refused);
        }
        model.addAttribute("names", productNames());
        return "seller/sales";
    }

    private static LocalDate day(String typed, LocalDate otherwise, String field, List<ApiProblem.FieldError> invalid) {
        if (typed == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADay) {
            invalid.add(new ApiProblem.FieldError(field, "not a date"));
            return otherwise;
        }
    }

    /** The seller's product names; a product no longer listed shows its id. */
    private Map<UUID, String> productNames() {
        Map<UUID, String> names = new HashMap<>();
        try {
            desk.products(null, 0, 200).items().forEach(product -> names.put(product.id(), product.name()));
        } catch (ApiProblem | ServiceDown unavailable) {
            // The rows then show product ids; the figures themselves come from settlement.
        }
        return names;
    }
}
