package io.fupin.order.totals;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal API for settlement-service only; the gateway does not route {@code /internal}. */
@RestController
@Tag(name = "Day totals (internal)", description = "Paid and refunded money per day and order, for settlement-service")
class DayTotalsController {

    private final DayTotals totals;

    DayTotalsController(DayTotals totals) {
        this.totals = totals;
    }

    @GetMapping("/internal/order-totals/{day}")
    @Operation(summary = "Per order, the money paid and refunded on a day (Asia/Shanghai), by order id")
    Page<DayTotals.OrderTotal> ofDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size) {
        return totals.of(day, PageRequest.of(page, size, 1000));
    }
}
