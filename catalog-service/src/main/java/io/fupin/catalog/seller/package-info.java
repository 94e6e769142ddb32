/** Sellers: the cooperatives, enterprises and village collectives that officials register. */
package io.fupin.catalog.seller;
