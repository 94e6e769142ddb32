package io.fupin.settlement.households;

import java.util.UUID;

/** What a payout file needs of a household. The account number is never logged. */
public record Payee(UUID householdId, String registrationNumber, String headName, String bankName,
        String accountNumber) {

    public boolean canBePaid() {
        return bankName != null && !bankName.isBlank() && accountNumber != null && !accountNumber.isBlank();
    }

    @Override
    public String toString() {
        return "Payee[" + householdId + ", " + registrationNumber + "]";
    }
}
