package io.fupin.web.orders;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import io.fupin.web.storefront.Catalog;
import io.fupin.web.storefront.Product;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MyOrdersController {

    private final Orders orders;
    private final Catalog catalog;

    MyOrdersController(Orders orders, Catalog catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    @GetMapping("/account/orders")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Fetched<OrderPage> mine = Fetched.of(() -> orders.mine(Math.max(0, page), 20));
        model.addAttribute("orders", mine.present() ? mine.value().items() : List.of());
        model.addAttribute("hasNext", mine.present() && mine.value().hasNext());
        model.addAttribute("ordersDown", mine.down());
        model.addAttribute("page", page);
        return "orders";
    }

    @GetMapping("/account/orders/{id}")
    String one(@PathVariable UUID id, @RequestParam(required = false) String paying, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Order order = find(id);
        model.addAttribute("order", order);
        // After "pay", the page asks again every second until the provider's callback has marked the order paid.
        model.addAttribute("polling", paying != null && order.payable());
        model.addAttribute("names", productNames(order));
        return htmx != null ? "order :: panel" : "order";
    }

    @PostMapping("/account/orders/{id}/payment")
    String pay(@PathVariable UUID id, RedirectAttributes redirect) {
        Order order = find(id);
        String next = step(id, redirect, () -> orders.payInSandbox(order), "paying");
        return redirect.getFlashAttributes().containsKey("stepProblem") ? next : next + "?paying";
    }

    @PostMapping("/account/orders/{id}/cancellation")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(id, redirect, () -> orders.cancel(id), "cancelled");
    }

    @PostMapping("/account/orders/{id}/delivery")
    String confirmDelivery(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(id, redirect, () -> orders.confirmDelivery(id), "delivered");
    }

    /** {@code qty-<productId>} fields: how many units of each line to return; empty or 0 leaves a line out. */
    @PostMapping("/account/orders/{id}/refunds")
    String refund(@PathVariable UUID id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
        List<Orders.NewLine> lines = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("qty-") && value != null && value.matches("\\d{1,4}") && Integer.parseInt(value) > 0) {
                lines.add(new Orders.NewLine(UUID.fromString(name.substring(4)), Integer.parseInt(value)));
            }
        });
        if (lines.isEmpty()) {
            redirect.addFlashAttribute("stepError", "refund.none");
            return "redirect:/account/orders/" + id;
        }
        String note = fields.getOrDefault("note", "");
        return step(id, redirect, () -> orders.requestRefund(id, lines, note.isBlank() ? null : note), "refunded");
    }

    private String step(UUID id, RedirectAttributes redirect, Runnable step, String done) {
        try {
            step.run();
            redirect.addFlashAttribute("stepDone", done);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("stepProblem", refused.detail());
        }
        return "redirect:/account/orders/" + id;
    }

    private Order find(UUID id) {
        try {
            return orders.one(id);
        } catch (ApiProblem notYours) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, notYours.detail());
        }
    }

    /** Product names for the lines; a line whose product cannot be read shows its id. */
    private Map<UUID, String> productNames(Order order) {
        Map<UUID, String> names = new HashMap<>();
        for (Order.Line line : order.lines()) {
            Fetched<Product> product = Fetched.of(() -> {
                try {
                    return catalog.product(line.productId());
                } catch (ApiProblem gone) {
                    return null;
                }
            });
            names.put(line.productId(), product.present() ? product.value().name() : line.productId().toString());
        }
        return names;
    }
}
