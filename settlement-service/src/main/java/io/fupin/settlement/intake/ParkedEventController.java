package io.fupin.settlement.intake;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders", description = "Orders as settlement recorded them")
class ParkedEventController {

    private final ParkedEvents parked;

    ParkedEventController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping("/api/settlements/parked-events")
    @Operation(summary = "Order events parked until the payment they follow arrives, longest waiting first (CLERK, ADMIN)")
    Page<ParkedEvents.ParkedEvent> parkedEvents(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return parked.list(PageRequest.of(page, size, 1000));
    }
}
