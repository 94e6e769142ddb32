/** My impact: how much of what I spent has reached households, and where, from the settlement ledger. */
package io.fupin.web.impact;
