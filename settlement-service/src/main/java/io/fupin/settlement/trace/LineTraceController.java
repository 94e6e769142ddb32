package io.fupin.settlement.trace;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Trace", description = "Public: where one order line's money went, masked")
class LineTraceController {

    private final LineTraces traces;

    LineTraceController(LineTraces traces) {
        this.traces = traces;
    }

    @GetMapping("/api/settlements/public/orders/{orderId}/products/{productId}")
    @Operation(summary = "Anyone, no token: one paid order line's net and each household's part of it (masked), "
            + "held until the order completes; 404 for a line settlement has not recorded")
    LineTrace line(@PathVariable UUID orderId, @PathVariable UUID productId) {
        return traces.of(orderId, productId)
                .orElseThrow(() -> new PaidLineNotFound(orderId, productId));
    }
}
