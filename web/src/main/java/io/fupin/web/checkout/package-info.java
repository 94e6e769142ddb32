/** Checkout: the cart becomes an order, one per attempt (an Idempotency-Key in the form), whatever the clicks. */
package io.fupin.web.checkout;
