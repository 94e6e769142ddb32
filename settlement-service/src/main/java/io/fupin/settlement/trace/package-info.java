/** What anyone scanning a parcel's trace code may see of one order line's money: the households' parts, masked. */
package io.fupin.settlement.trace;
