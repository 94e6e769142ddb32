package io.fupin.settlement.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a period's money did, from the ledger, proving receipts − refunds = allocations + costs + suspense
 * (+ margin, which must be zero) to the fen, and naming every difference with the orders behind it.
 * Figures are positive when money came in (receipts) or is owed (everything else).
 *
 * @param allocationsFen   net amount allocated to households in the period: held + payable + in payout + paid out
 * @param carriedInFen     households' negative payable balances at the start (clawbacks still to recover)
 * @param carriedOutFen    households' negative payable balances at the end, carried into later batches
 * @param heldBackFen      positive balances left out of the batch because the household has no payout account on record
 * @param orderServiceCheck per day and order, order-service's paid and refunded money against the ledger's (absent
 *                          from reports stored before the check existed)
 * @param parkedEvents      order events that happened in the period and are parked, waiting for the payment they
 *                          follow (absent from reports stored before they were counted)
 * @param writtenOffFen     owed amounts written off in the period (approved by a second clerk): the identity is
 *                          receipts − refunds + written off = allocations + costs + suspense + margin (absent from
 *                          reports stored before write-offs existed)
 */
public record ReconciliationReport(UUID periodId, LocalDate firstDay, LocalDate lastDay, Instant startsAt,
        Instant endsAt, long receiptsFen, long refundsFen, long costsFen, long allocationsFen, long suspenseFen,
        long marginFen, boolean identityHolds, long unexplainedFen, Allocations allocations, long carriedInFen,
        long carriedOutFen, long heldBackFen, long batchTotalFen, int batchLineCount, Balances closingBalances,
        List<Difference> differences, OrderServiceCheck orderServiceCheck, Long parkedEvents,
        Long writtenOffFen) {

    /** How the period's allocations stand: still held (escrow), payable, in a batch, paid out. */
    public record Allocations(long heldFen, long payableFen, long inPayoutFen, long paidOutFen) {
    }

    /** Cumulative balances at the end of the period. */
    public record Balances(long receiptsFen, long refundsFen, long heldFen, long payableFen, long inPayoutFen,
            long paidOutFen, long costsFen, long suspenseFen, long marginFen) {
    }

    /** Something a clerk must look at, with the orders (or households) behind it. */
    public record Difference(String kind, String detail, long amountFen, List<UUID> orderIds, List<UUID> householdIds) {
    }

    /**
     * The cross-service reconciliation of the period's days.
     *
     * @param verified   whether order-service answered for every day; when not, nothing is known about them
     * @param detail     why it could not be verified, else {@code null}
     * @param mismatches every day, order and figure where order-service and the ledger differ
     */
    public record OrderServiceCheck(boolean verified, String detail, List<OrderMismatch> mismatches) {

        static OrderServiceCheck unverified(String detail) {
            return new OrderServiceCheck(false, detail, List.of());
        }
    }

    /**
     * One figure of one order on one day that differs.
     *
     * @param figure          {@code PAID} or {@code REFUNDED}
     * @param orderServiceFen what order-service recorded
     * @param settlementFen   what settlement's ledger received (receipts, or refunds)
     * @param differenceFen   settlement's figure minus order-service's
     */
    public record OrderMismatch(LocalDate day, UUID orderId, String figure, long orderServiceFen, long settlementFen,
            long differenceFen) {
    }
}
