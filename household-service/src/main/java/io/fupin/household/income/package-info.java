/**
 * Each household's income ledger, fed by settlement's payouts ({@code PayoutBatchPaid}), counted once
 * per event: the figures officials report come from here, never typed by hand.
 */
package io.fupin.household.income;
