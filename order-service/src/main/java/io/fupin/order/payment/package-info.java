/** Payments through a provider port (the built-in sandbox wallet, or a real one), its signed callbacks and refunds. */
package io.fupin.order.payment;
