/** A seller's own sales and where their money stands, per product, for a range of days it chooses. */
package io.fupin.settlement.sales;
