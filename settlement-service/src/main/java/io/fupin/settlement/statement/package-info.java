/** A household's statement: every ledger entry on its accounts, with order, product, date and amount (API and CSV). */
package io.fupin.settlement.statement;
