/** Products of the registered sellers: listing, certification lifecycle, versioned prices, stock adjustments and product events. */
package io.fupin.catalog.product;
