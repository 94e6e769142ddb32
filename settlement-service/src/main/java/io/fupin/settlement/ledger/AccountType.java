package io.fupin.settlement.ledger;

/**
 * The ledger's accounts. Amounts are signed: a debit is positive, a credit negative. Liabilities
 * (what is owed to households, sellers, buyers) therefore carry negative balances in storage; the
 * reports turn them round so that money owed reads as a positive figure.
 */
public enum AccountType {
    /** Money received from buyers for paid lines (debited at payment). */
    RECEIPTS_CLEARING(false),
    /** Money returned to buyers (credited at refund). */
    REFUNDS(false),
    /** A household's share of lines paid but not yet completed: escrow, not payable yet. */
    HOUSEHOLD_HELD(true),
    /** A household's share of completed lines, owed to it; may go below zero after a clawback. */
    HOUSEHOLD_PAYABLE(true),
    /** A household's payable moved into a closed payout batch, awaiting the bank. */
    HOUSEHOLD_IN_PAYOUT(true),
    /** What the bank paid to a household. */
    HOUSEHOLD_PAID_OUT(true),
    /** Declared pass-through costs (packaging, freight) owed to a seller. */
    SELLER_COST_PAYABLE(true),
    /** Net proceeds of lines whose product had no benefit linkage yet, or refunds nobody could be matched to. */
    SUSPENSE(false),
    /** The platform's margin: zero-profit, so it must stay at zero. */
    PLATFORM_MARGIN(false),
    /**
     * What households owed back after a clawback and two clerks agreed not to recover (maker-checker): the
     * programme bears it, named here, never hidden in the margin (debited when a write-off is approved).
     */
    WRITTEN_OFF(false);

    private final boolean perParty;

    AccountType(boolean perParty) {
        this.perParty = perParty;
    }

    /** Whether the account is kept per household or seller. */
    public boolean perParty() {
        return perParty;
    }

    /** The accounts that together hold what has been allocated to households. */
    public boolean isHouseholdSide() {
        return this == HOUSEHOLD_HELD || this == HOUSEHOLD_PAYABLE || this == HOUSEHOLD_IN_PAYOUT
                || this == HOUSEHOLD_PAID_OUT;
    }
}
