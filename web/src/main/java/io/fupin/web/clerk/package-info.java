/**
 * The settlement clerks' console: closing periods and reading their reconciliation, the maker-checker flow of
 * payout batches (approve, payout file, paid, returned lines), suspense and refunds owed, household statements.
 */
package io.fupin.web.clerk;
