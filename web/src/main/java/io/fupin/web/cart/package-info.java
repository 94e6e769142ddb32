/** The cart, kept in the server session: product ids and quantities, priced afresh from the catalog on each view. */
package io.fupin.web.cart;
