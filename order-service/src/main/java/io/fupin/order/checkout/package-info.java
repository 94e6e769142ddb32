/** Placing an order: idempotent checkout, stock reservation and the order's price snapshot. */
package io.fupin.order.checkout;
