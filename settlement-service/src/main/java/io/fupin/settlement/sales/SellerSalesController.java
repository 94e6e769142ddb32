package io.fupin.settlement.sales;

import io.fupin.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller sales", description = "A seller's own sales and where their money stands (SELLER)")
class SellerSalesController {

    private final SellerSales sales;

    SellerSalesController(SellerSales sales) {
        this.sales = sales;
    }

    @GetMapping("/api/settlements/sales")
    @Operation(summary = "The calling seller's lines paid in these days (Asia/Shanghai, both inclusive, at most a "
            + "year), per product: orders, units sold and refunded, sold, refunded, pass-through costs and net, and "
            + "where the net stands now (held until the order completes, payable, in a payout batch, paid out to "
            + "households, in suspense while no linkage is in force); with their total. "
            + "soldFen − refundedFen = costFen + netFen and netFen = heldFen + payableFen + inPayoutFen + paidOutFen "
            + "+ suspenseFen, to the fen. Only the seller's own products; other roles 403")
    SellerSales.Report sales(Caller caller,
            @Parameter(description = "first day, e.g. 2026-11-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, e.g. 2026-11-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return sales.of(caller, from, to);
    }
}
