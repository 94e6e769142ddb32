/** Certified products of the cooperatives and enterprises, as consumers browse them. */
package io.fupin.catalog.product;
