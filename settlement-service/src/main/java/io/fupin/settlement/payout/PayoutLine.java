package io.fupin.settlement.payout;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One household's line in a batch, with the payout details copied at close. */
@Table("payout_line")
record PayoutLine(UUID householdId, long amountFen, LineStatus status, String registrationNumber, String headName,
        String bankName, String accountNumber, String orderIds) {

    enum LineStatus { PENDING, PAID, FAILED }

    PayoutLine withStatus(LineStatus newStatus) {
        return new PayoutLine(householdId, amountFen, newStatus, registrationNumber, headName, bankName, accountNumber,
                orderIds);
    }

    List<UUID> orders() {
        return orderIds.isEmpty() ? List.of() : Arrays.stream(orderIds.split(",")).map(UUID::fromString).toList();
    }
}
