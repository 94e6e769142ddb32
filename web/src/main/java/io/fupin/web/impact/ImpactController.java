package io.fupin.web.impact;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.orders.Order;
import io.fupin.web.orders.Orders;
import io.fupin.web.trace.LineTrace;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ImpactController {

    private final Orders orders;
    private final Gateway gateway;

    ImpactController(Orders orders, Gateway gateway) {
        this.orders = orders;
        this.gateway = gateway;
    }

    /** The buyer's latest 100 orders: each paid line's trace, summed. */
    @GetMapping("/account/impact")
    String impact(Model model) {
        Fetched<Impact> impact = Fetched.of(() -> {
            List<LineTrace> traces = new ArrayList<>();
            int pending = 0;
            for (Order order : orders.mine(0, 100).items()) {
                if (order.paidAt() == null) {
                    continue;
                }
                for (Order.Line line : order.lines()) {
                    try {
                        traces.add(gateway.get(null, "/api/settlements/public/orders/{o}/products/{p}",
                                LineTrace.class, order.id(), line.productId()));
                    } catch (ApiProblem notYetRecorded) {
                        pending++;
                    }
                }
            }
            return Impact.of(traces, pending);
        });
        model.addAttribute("impact", impact);
        return "impact";
    }
}
