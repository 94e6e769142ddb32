/** Settlement's own copy of the households it pays: registration number, head, payout account. */
package io.fupin.settlement.households;
