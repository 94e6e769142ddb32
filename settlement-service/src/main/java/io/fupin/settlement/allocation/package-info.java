/**
 * Zero-profit allocation: each paid line's net proceeds split among the households linked to its product
 * (settlement's own copy of the benefit linkages), held until the order completes, suspense while nobody is linked.
 */
package io.fupin.settlement.allocation;
