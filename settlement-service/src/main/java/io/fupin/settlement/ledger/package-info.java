/** The double-entry, append-only journal every fen of settlement moves through, and its balances. */
package io.fupin.settlement.ledger;
