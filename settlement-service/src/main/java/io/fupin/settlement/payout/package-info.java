/**
 * Settlement periods, payout batches with maker-checker approval, reconciliation reports, bank payout
 * files and {@code PayoutBatchPaid}.
 */
package io.fupin.settlement.payout;
