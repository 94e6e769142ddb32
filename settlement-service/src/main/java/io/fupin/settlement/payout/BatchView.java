package io.fupin.settlement.payout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payout batch as clerks see it: where each line's money goes, as the bank and the account masked to its first
 * and last four digits, so that the approving clerk can check it; the full number stays in the payout file.
 */
public record BatchView(PayoutBatchId batchId, SettlementPeriodId periodId, String reference, String status,
        long totalFen, int lineCount, String closedBy, Instant closedAt, String approvedBy, Instant approvedAt,
        String exportedBy, Instant exportedAt, String paidBy, Instant paidAt, String bankReference, List<Line> lines) {

    public record Line(UUID householdId, String registrationNumber, String headName, String bankName,
            String maskedAccount, long amountFen, String status, List<UUID> orderIds) {
    }

    /** {@code 6228480000000001} → {@code 6228********0001}; a number of eight digits or fewer is starred whole. */
    static String mask(String accountNumber) {
        if (accountNumber == null) {
            return null;
        }
        int n = accountNumber.length();
        return n <= 8 ? "*".repeat(n) : accountNumber.substring(0, 4) + "*".repeat(n - 8) + accountNumber.substring(n - 4);
    }
}
