package io.fupin.settlement.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settlements/orders")
@Tag(name = "Orders", description = "Orders as settlement recorded them")
class SettlementOrderController {

    private final OrderIntake intake;

    SettlementOrderController(OrderIntake intake) {
        this.intake = intake;
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "What settlement recorded of an order (CLERK, ADMIN)")
    SettlementOrderView order(@PathVariable UUID orderId) {
        return intake.order(orderId);
    }
}
