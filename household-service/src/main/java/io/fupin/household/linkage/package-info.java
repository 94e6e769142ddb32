/** Benefit linkages (利益联结): which households share a product's proceeds, in what shares, versioned in time. */
package io.fupin.household.linkage;
