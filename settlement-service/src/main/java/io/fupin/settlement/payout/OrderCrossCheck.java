package io.fupin.settlement.payout;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.orders.OrderServiceFigures;
import io.fupin.settlement.orders.OrderServiceFigures.OrderFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The cross-service reconciliation: for each day, per order, what order-service says was paid and refunded
 * against what settlement's ledger received (receipts and refunds effective that day). order-service is
 * asked first, outside any transaction; the ledger is compared in the caller's transaction.
 */
@Component
class OrderCrossCheck {

    static final String PAID = "PAID";
    static final String REFUNDED = "REFUNDED";

    private final OrderServiceFigures orderService;
    private final Ledger ledger;

    OrderCrossCheck(OrderServiceFigures orderService, Ledger ledger) {
        this.orderService = orderService;
        this.ledger = ledger;
    }

    /** order-service's figures of every day of the range, by day and order. */
    record Figures(Map<LocalDate, Map<UUID, OrderFigures>> byDay) {
    }

    /**
     * Asks order-service for every day of [firstDay, lastDay]; call it outside a transaction.
     *
     * @throws OrderServiceFigures.OrderServiceUnreachable when it cannot answer
     */
    Figures fetch(LocalDate firstDay, LocalDate lastDay) {
        Map<LocalDate, Map<UUID, OrderFigures>> byDay = new LinkedHashMap<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            byDay.put(day, orderService.ofDay(day));
        }
        return new Figures(byDay);
    }

    /** Every day and order whose paid or refunded money differs between order-service and the ledger. */
    List<ReconciliationReport.OrderMismatch> mismatches(Figures theirs) {
        List<ReconciliationReport.OrderMismatch> mismatches = new ArrayList<>();
        theirs.byDay().forEach((day, figures) -> {
            Map<UUID, Long> received = ledger.orderMovements(AccountType.RECEIPTS_CLEARING,
                    Reconciliation.startOf(day), Reconciliation.startOf(day.plusDays(1)));
            Map<UUID, Long> refunded = ledger.orderMovements(AccountType.REFUNDS,
                    Reconciliation.startOf(day), Reconciliation.startOf(day.plusDays(1)));
            TreeSet<UUID> orders = new TreeSet<>(figures.keySet());
            orders.addAll(received.keySet());
            orders.addAll(refunded.keySet());
            for (UUID order : orders) {
                OrderFigures figure = figures.get(order);
                long paidThere = figure == null ? 0 : figure.paidFen();
                long refundedThere = figure == null ? 0 : figure.refundedFen();
                long paidHere = received.getOrDefault(order, 0L);
                // Refunds are credits: stored negative.
                long refundedHere = -refunded.getOrDefault(order, 0L);
                if (paidThere != paidHere) {
                    mismatches.add(new ReconciliationReport.OrderMismatch(day, order, PAID, paidThere, paidHere,
                            paidHere - paidThere));
                }
                if (refundedThere != refundedHere) {
                    mismatches.add(new ReconciliationReport.OrderMismatch(day, order, REFUNDED, refundedThere,
                            refundedHere, refundedHere - refundedThere));
                }
            }
        });
        return mismatches;
    }
}
